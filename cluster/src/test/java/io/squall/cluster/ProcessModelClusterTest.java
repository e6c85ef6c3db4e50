package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code process} model (the Python gauss example, a real python3 child per worker) through
 * the command line and in cluster mode: {@code squall run --workers 2} gives the built-in Java
 * gaussian's samples byte for byte, so do a master and two worker JVMs, each starting its own
 * children; a worker node whose copy of the script differs is refused by the fingerprint.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProcessModelClusterTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String SAMPLER =
      "squall.sampler { active-particles = 32, effective-particles = 64, total-samples = 256, seed = 42 }\n";
  private static final String PROCESS = String.join("\n",
      "squall.model { name = process, params {",
      "  command = [python3, python/examples/gauss.py]",
      "  dim = 2, prior = \"uniform(-10, 10)\", environment { GAUSS_DIM = \"2\" } } }", "");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private NodeProcesses nodes;

  @BeforeEach
  void start() throws IOException {
    nodes = new NodeProcesses(dir);
    Files.createDirectories(dir.resolve("python/examples"));
    Files.copy(ROOT.resolve("clients/python/squall_process.py"), dir.resolve("python/squall_process.py"));
    Files.copy(ROOT.resolve("clients/python/examples/gauss.py"), dir.resolve("python/examples/gauss.py"));
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  /** {@code squall run} in this JVM; returns the samples.csv bytes. */
  private byte[] run(String model, String workers, String name) throws IOException {
    Path conf = TestFiles.write(dir, name + ".conf", SAMPLER + model);
    Path out = dir.resolve(name);
    StringWriter err = new StringWriter();
    int code = SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", conf.toString(), "--workers", workers, "--out", out.toString());
    assertEquals(0, code, err.toString());
    return Files.readAllBytes(out.resolve(ResultsWriter.SAMPLES));
  }

  private String absolute(String config) {
    return config.replace("python/examples/gauss.py", dir.resolve("python/examples/gauss.py").toString());
  }

  @Test
  void theCliRunsThePythonGaussLikeTheJavaGaussian() throws IOException {
    byte[] java = run("squall.model { name = gaussian, params { dim = 2 } }\n", "0", "java");
    byte[] python = run(absolute(PROCESS), "2", "python");
    assertArrayEquals(java, python, "samples.csv of the Python gauss differs from the Java gaussian's");
    JsonNode summary = JSON.readTree(dir.resolve("python").resolve(ResultsWriter.SUMMARY).toFile());
    assertEquals("local", summary.get("mode").asText());
  }

  @Test
  void workerNodesStartTheirOwnChildrenAndAnotherScriptVersionIsRefused() throws IOException {
    byte[] reference = run(absolute(PROCESS), "0", "sequential");
    Path config = TestFiles.write(dir, "cluster.conf", SAMPLER + PROCESS);
    int port = NodeProcesses.freePort();
    NodeProcesses.Node master = nodes.squall("master", NodeProcesses.loopbackEnvironment(port, port), "master",
        "--config", config.toString(), "--min-workers", "2", "--out", dir.resolve("out").toString());
    master.awaitOutput("waits for 2 worker(s)", ClusterModeTest.START);
    Path script = dir.resolve("python/examples/gauss.py");
    byte[] original = Files.readAllBytes(script);
    Files.writeString(script, "# another version\n", StandardOpenOption.APPEND);
    NodeProcesses.Node stale = worker("other-script", port, config);
    assertEquals(2, stale.exitCode(ClusterModeTest.RUN), nodes.outputs());
    Files.write(script, original);
    NodeProcesses.Node first = worker("first", port, config);
    NodeProcesses.Node second = worker("second", port, config);
    assertEquals(0, master.exitCode(ClusterModeTest.RUN), nodes.outputs());
    assertArrayEquals(reference, Files.readAllBytes(dir.resolve("out").resolve(ResultsWriter.SAMPLES)),
        "samples.csv differs from the sequential run's" + nodes.outputs());
    assertEquals(2, JSON.readTree(dir.resolve("out").resolve(ResultsWriter.SUMMARY).toFile()).get("workers").asInt());
    assertTrue(stale.output().contains("refused by the master"), stale.output());
    assertTrue(stale.output().contains("python/examples/gauss.py sha256"), stale.output());
    assertEquals(0, first.exitCode(ClusterModeTest.START), nodes.outputs());
    assertEquals(0, second.exitCode(ClusterModeTest.START), nodes.outputs());
  }

  @Test
  void theFingerprintHoldsTheHashOfTheScript() throws IOException {
    ModelSpec spec = new ModelSpec("process", Map.of("command", "[python3, " + dir.resolve("python/examples/gauss.py")
        + "]", "dim", "2"));
    Fingerprint before = Fingerprint.of(spec, "1");
    assertEquals(before, Fingerprint.of(spec, "1"));
    Files.writeString(dir.resolve("python/examples/gauss.py"), "\n", StandardOpenOption.APPEND);
    Fingerprint after = Fingerprint.of(spec, "1");
    assertNotEquals(before.digest(), after.digest());
    assertTrue(after.description().contains("gauss.py sha256 "), after.description());
  }

  private NodeProcesses.Node worker(String name, int masterPort, Path config) {
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, masterPort);
    env.put("SQUALL_WORKERS", "1");
    return nodes.squall(name, env, "worker", "--config", config.toString());
  }
}
