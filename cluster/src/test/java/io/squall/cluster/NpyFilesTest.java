package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .npy files: the header follows NumPy's format 1.0 (checked by parsing it here), the values
 * are those of samples.csv, their weighted mean is summary.json's posteriorMean, and — where
 * python3 with numpy is installed — {@code numpy.load} reads them and agrees.
 */
class NpyFilesTest {
  private static final Pattern SHAPE = Pattern.compile("'shape': \\(([0-9, ]*)\\)");

  @TempDir Path dir;

  /** A parsed .npy file. */
  record Npy(int[] shape, double[] data) {}

  static Npy read(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    buffer.get(magic);
    assertArrayEquals(NpyFile.MAGIC, magic);
    assertEquals(1, buffer.get(), "major version");
    assertEquals(0, buffer.get(), "minor version");
    int headerLength = Short.toUnsignedInt(buffer.getShort());
    assertEquals(0, (10 + headerLength) % 64, "the data starts 64-byte aligned");
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.endsWith("\n"), header);
    assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': ("), header);
    Matcher m = SHAPE.matcher(header);
    assertTrue(m.find(), header);
    int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
    buffer.position(10 + headerLength);
    double[] data = new double[buffer.remaining() / Double.BYTES];
    buffer.asDoubleBuffer().get(data);
    assertEquals(Arrays.stream(shape).reduce(1, (a, b) -> a * b), data.length, "values for the shape");
    return new Npy(shape, data);
  }

  @Test
  void headersOfVectorsAndMatrices() throws IOException {
    assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", NpyFile.headerDictionary(3));
    assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 4), }", NpyFile.headerDictionary(2, 4));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyFile.write(new double[][] {{1, 2, 3}, {4, Double.NEGATIVE_INFINITY, -0.0}}, 3, out);
    Npy npy = read(out.toByteArray());
    assertArrayEquals(new int[] {2, 3}, npy.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, Double.NEGATIVE_INFINITY, -0.0}, npy.data());
    out.reset();
    NpyFile.write(new double[0], out);
    assertArrayEquals(new int[] {0}, read(out.toByteArray()).shape());
  }

  @Test
  void aRunWritesNpyFilesWithTheRowsOfSamplesCsvAndTheSummarysMean() throws IOException, InterruptedException {
    Path out = dir.resolve("r");
    int code = SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .execute("run", "--config", TestFiles.smallConfig(dir).toString(), "--model", "gaussian", "--param", "dim=3",
            "--param", "derived=true", "--workers", "0", "--out", out.toString(), "--quiet", "--no-plots");
    assertEquals(0, code);
    Npy samples = read(Files.readAllBytes(out.resolve(NpyOutputs.SAMPLES)));
    Npy weights = read(Files.readAllBytes(out.resolve(NpyOutputs.WEIGHTS)));
    Npy logl = read(Files.readAllBytes(out.resolve(NpyOutputs.LOG_LIKELIHOODS)));
    Npy derived = read(Files.readAllBytes(out.resolve(NpyOutputs.DERIVED)));
    List<String> csv = Files.readAllLines(out.resolve(ResultsWriter.SAMPLES));
    int n = csv.size() - 1;
    assertArrayEquals(new int[] {n, 3}, samples.shape());
    assertArrayEquals(new int[] {n}, weights.shape());
    assertArrayEquals(new int[] {n}, logl.shape());
    assertArrayEquals(new int[] {n, 2}, derived.shape());
    for (int i = 0; i < n; i++) {
      double[] row = Arrays.stream(csv.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
      assertArrayEquals(Arrays.copyOfRange(row, 0, 3), Arrays.copyOfRange(samples.data(), 3 * i, 3 * i + 3));
      assertArrayEquals(Arrays.copyOfRange(row, 3, 5), Arrays.copyOfRange(derived.data(), 2 * i, 2 * i + 2));
      assertEquals(row[5], weights.data()[i]);
      assertEquals(row[6], logl.data()[i]);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve(ResultsWriter.SUMMARY).toFile());
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += weights.data()[i] * samples.data()[3 * i + j];
      }
      assertEquals(summary.get("posteriorMean").get(j).asDouble(), mean, 1e-12);
    }
    numpyAgrees(out, summary);
  }

  /** numpy.load reads the files and its weighted mean matches the summary (skipped without numpy). */
  private static void numpyAgrees(Path out, JsonNode summary) throws IOException, InterruptedException {
    String script = String.join("\n",
        "import json, sys, numpy as np",
        "d = sys.argv[1]",
        "s = np.load(d + '/samples.npy'); w = np.load(d + '/weights.npy'); l = np.load(d + '/logl.npy')",
        "assert s.dtype == np.float64 and s.ndim == 2 and w.shape == l.shape == (s.shape[0],)",
        "m = json.load(open(d + '/summary.json'))['posteriorMean']",
        "err = np.max(np.abs(np.average(s, axis=0, weights=w) - np.array(m)))",
        "print('max-difference', err)",
        "sys.exit(0 if err < 1e-12 else 3)");
    Process python;
    try {
      python = new ProcessBuilder("python3", "-c", script, out.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("no python3: " + e.getMessage());
      return;
    }
    assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeFalse(output.contains("No module named 'numpy'"), "python3 has no numpy");
    assertEquals(0, python.exitValue(), output);
  }
}
