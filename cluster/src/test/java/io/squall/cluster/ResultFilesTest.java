package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.squall.sampler.Posterior;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {
  @TempDir Path dir;

  @Test
  void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("summary.json");
    Files.writeString(target, "old");
    AtomicFiles.write(target, out -> out.write("new"));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of(target), listing());
  }

  @Test
  void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("summary.json");
    Files.writeString(target, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half a fi");
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), listing());
  }

  @Test
  void samplesCsvPrintsExactNumbersAndQuotesOddNames() throws IOException {
    Posterior posterior = new Posterior(List.of("a", "b,c"),
        new double[][] {{0.1, 1e-300}, {-2.0, Double.MAX_VALUE}},
        new double[] {0.25, 0.75}, new double[] {-1.0 / 3.0, Double.NEGATIVE_INFINITY});
    StringWriter out = new StringWriter();
    SamplesCsv.write(posterior, out);
    assertEquals("a,\"b,c\",weight,logLikelihood\n"
        + "0.1,1.0E-300,0.25,-0.3333333333333333\n"
        + "-2.0,1.7976931348623157E308,0.75,-Infinity\n", out.toString());
  }

  private List<Path> listing() throws IOException {
    try (var files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
