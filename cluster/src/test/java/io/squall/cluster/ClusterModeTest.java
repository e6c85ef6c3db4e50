package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode end to end: a master and worker nodes as separate JVMs on 127.0.0.1, running a
 * model with derived values (so they cross the wire too) and a per-point delay (so that a run lasts several seconds) and compared byte for byte
 * with the sequential run of the same settings. Each test is bounded in time and kills every
 * process it started.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterModeTest {
  /** Small settings (the 2-D gaussian with seed 42; 795 likelihood calls at the defaults). */
  static final String SAMPLER = String.join("\n",
      "squall.sampler { active-particles = 32, effective-particles = 64, total-samples = 256, seed = 42 }",
      "squall.model { name = gaussian, params { dim = 2, derived = true } }", "");
  static final Duration START = Duration.ofSeconds(60);
  static final Duration RUN = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  private static byte[] sequentialSamples;
  private static long sequentialCalls;

  @TempDir Path dir;
  private NodeProcesses nodes;
  private Path config;

  @BeforeAll
  static void sequentialReference() throws IOException {
    Path conf = TestFiles.write(shared, "cluster.conf", SAMPLER);
    Path out = shared.resolve("sequential");
    StringWriter err = new StringWriter();
    int code = SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", conf.toString(), "--workers", "0", "--out", out.toString());
    assertEquals(0, code, err.toString());
    sequentialSamples = Files.readAllBytes(out.resolve(ResultsWriter.SAMPLES));
    sequentialCalls = JSON.readTree(out.resolve(ResultsWriter.SUMMARY).toFile()).get("likelihoodCalls").asLong();
  }

  @BeforeEach
  void start() {
    nodes = new NodeProcesses(dir);
    config = TestFiles.write(dir, "cluster.conf", SAMPLER);
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  private NodeProcesses.Node master(int port, int minWorkers, int delayMs) {
    return nodes.squall("master", NodeProcesses.loopbackEnvironment(port, port), "master", "--config",
        config.toString(), "--param", "delay-ms=" + delayMs, "--min-workers", Integer.toString(minWorkers),
        "--out", dir.resolve("out").toString());
  }

  private NodeProcesses.Node worker(String name, int masterPort, String... params) {
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, masterPort);
    env.put("SQUALL_WORKERS", "1");
    List<String> args = new ArrayList<>(List.of("worker", "--config", config.toString()));
    for (String param : params) {
      args.add("--param");
      args.add(param);
    }
    return nodes.squall(name, env, args.toArray(String[]::new));
  }

  private void assertFinishedLikeTheSequentialRun(NodeProcesses.Node master, int workers) throws IOException {
    assertEquals(0, master.exitCode(RUN), nodes.outputs());
    assertArrayEquals(sequentialSamples, Files.readAllBytes(dir.resolve("out").resolve(ResultsWriter.SAMPLES)),
        "samples.csv differs from the sequential run's" + nodes.outputs());
    JsonNode summary = JSON.readTree(dir.resolve("out").resolve(ResultsWriter.SUMMARY).toFile());
    assertEquals("cluster", summary.get("mode").asText());
    assertEquals(workers, summary.get("workers").asInt(), summary.toString());
    assertEquals(sequentialCalls, summary.get("likelihoodCalls").asLong(), "likelihood calls of the sequential run");
  }

  @Test
  void twoWorkerJvmsGiveTheSequentialResultAndEveryNodeExitsZero() throws IOException {
    int port = NodeProcesses.freePort();
    NodeProcesses.Node early = worker("worker-before-master", port, "delay-ms=3");
    early.awaitOutput("looks for the master", START);
    NodeProcesses.Node master = master(port, 2, 3);
    NodeProcesses.Node second = worker("worker", port, "delay-ms=3");
    assertFinishedLikeTheSequentialRun(master, 2);
    assertTrue(master.output().contains("sampling starts with 2 worker(s) on 2 node(s)"), nodes.outputs());
    assertEquals(0, early.exitCode(START), nodes.outputs());
    assertEquals(0, second.exitCode(START), nodes.outputs());
    assertTrue(early.output().contains("accepted by the master"), early.output());
  }

  @Test
  void aWorkerKilledMidRunLosesNothing() throws IOException {
    int port = NodeProcesses.freePort();
    NodeProcesses.Node master = master(port, 2, 3);
    NodeProcesses.Node survivor = worker("survivor", port, "delay-ms=3");
    NodeProcesses.Node victim = worker("victim", port, "delay-ms=3");
    master.awaitOutput("sampling starts", START);
    victim.awaitOutput("accepted by the master", START);
    sleep(1000);
    victim.process().destroyForcibly();
    assertEquals(137, victim.exitCode(START), "SIGKILL");
    master.awaitOutput("is unreachable", RUN);
    assertFinishedLikeTheSequentialRun(master, 2);
    assertEquals(0, survivor.exitCode(START), nodes.outputs());
  }

  @Test
  void aWorkerStoppedWithSigtermLeavesGracefullyAndNothingIsLost() throws IOException {
    int port = NodeProcesses.freePort();
    NodeProcesses.Node master = master(port, 2, 3);
    NodeProcesses.Node survivor = worker("survivor", port, "delay-ms=3");
    NodeProcesses.Node leaving = worker("leaving", port, "delay-ms=3");
    master.awaitOutput("sampling starts", START);
    leaving.awaitOutput("accepted by the master", START);
    sleep(1000);
    leaving.process().destroy();
    assertEquals(143, leaving.exitCode(START), "SIGTERM" + nodes.outputs());
    assertTrue(leaving.output().contains("stopped by a signal (SIGTERM)"), leaving.output());
    assertFinishedLikeTheSequentialRun(master, 2);
    assertTrue(master.output().contains("is leaving: its tasks go back to the queue"), master.output());
    assertEquals(0, survivor.exitCode(START), nodes.outputs());
  }

  @Test
  void aWorkerThatJoinsLateTakesPart() throws IOException {
    int port = NodeProcesses.freePort();
    NodeProcesses.Node master = master(port, 1, 8);
    NodeProcesses.Node first = worker("first", port, "delay-ms=8");
    master.awaitOutput("sampling starts with 1 worker(s)", START);
    NodeProcesses.Node late = worker("late", port, "delay-ms=8");
    late.awaitOutput("accepted by the master", RUN);
    assertFinishedLikeTheSequentialRun(master, 2);
    assertEquals(0, first.exitCode(START), nodes.outputs());
    assertEquals(0, late.exitCode(START), nodes.outputs());
  }

  @Test
  void aWorkerWithAnotherModelIsRefusedWithAMessageOnBothSides() throws IOException {
    int port = NodeProcesses.freePort();
    NodeProcesses.Node master = master(port, 1, 3);
    NodeProcesses.Node wrong = worker("wrong-model", port, "delay-ms=3", "dim=3");
    NodeProcesses.Node good = worker("good", port, "delay-ms=3");
    assertEquals(2, wrong.exitCode(RUN), nodes.outputs());
    String refusal = wrong.output();
    assertTrue(refusal.contains("squall: error: refused by the master: the master at pekko://squall@127.0.0.1:"
        + port + " runs model gaussian {delay-ms=3, derived=true, dim=2}"), refusal);
    assertTrue(refusal.contains("but this worker runs model gaussian {delay-ms=3, derived=true, dim=3}"), refusal);
    master.awaitOutput("refused worker node", START);
    assertFinishedLikeTheSequentialRun(master, 1);
    assertEquals(0, good.exitCode(START), nodes.outputs());
  }

  @Test
  void aWorkerThatCannotBuildItsModelStaysOut() {
    NodeProcesses.Node bad = worker("bad-model", NodeProcesses.freePort(), "no-such-parameter=1");
    assertEquals(2, bad.exitCode(START), bad.output());
    assertTrue(bad.output().contains("squall: error:") && bad.output().contains("no-such-parameter"), bad.output());
    assertTrue(!bad.output().contains("looks for the master"), "it never joined:\n" + bad.output());
  }

  /** A file of the repository, found above the working directory. */
  static Path repositoryFile(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new AssertionError("no " + relative + " above " + Path.of("").toAbsolutePath());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
