package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may join a cluster, and what cannot cross it, with real JVMs on 127.0.0.1: a node with
 * another cluster name and a node without TLS are kept out of a TLS cluster (and both sides say
 * so) while a node with the right name and key store runs the job; a result too large for one
 * message stops the run with a message naming the sizes instead of being dropped on the wire.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterSecurityTest {
  private static final String PASSWORD = "squall-test-secret";
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration RUN = Duration.ofSeconds(120);

  @TempDir Path dir;
  private NodeProcesses nodes;
  private Path config;

  @BeforeEach
  void start() {
    nodes = new NodeProcesses(dir);
    config = TestFiles.write(dir, "cluster.conf", ClusterModeTest.SAMPLER);
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  /** Runs docker/make-keystore.sh, the documented way to make a key pair, into {@code dir/tls}. */
  private Map<String, String> tlsEnvironment() throws IOException, InterruptedException {
    Path script = ClusterModeTest.repositoryFile("docker/make-keystore.sh");
    Path tls = dir.resolve("tls");
    ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), tls.toString(), PASSWORD)
        .redirectErrorStream(true).redirectOutput(dir.resolve("make-keystore.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "make-keystore.sh did not finish");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("make-keystore.log")));
    Map<String, String> env = new HashMap<>();
    env.put("SQUALL_TLS_ENABLED", "on");
    env.put("SQUALL_TLS_KEY_STORE", tls.resolve("squall-keystore.p12").toString());
    env.put("SQUALL_TLS_TRUST_STORE", tls.resolve("squall-truststore.p12").toString());
    env.put("SQUALL_TLS_KEY_STORE_PASSWORD", PASSWORD);
    env.put("SQUALL_TLS_KEY_PASSWORD", PASSWORD);
    env.put("SQUALL_TLS_TRUST_STORE_PASSWORD", PASSWORD);
    return env;
  }

  private NodeProcesses.Node worker(String name, int masterPort, Map<String, String> extra) {
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, masterPort);
    env.put("SQUALL_WORKERS", "1");
    env.putAll(extra);
    return nodes.squall(name, env, "worker", "--config", config.toString(), "--param", "delay-ms=2");
  }

  @Test
  void onlyANodeWithTheClusterNameAndTheKeyStoreJoins() throws Exception {
    Map<String, String> tls = tlsEnvironment();
    int port = NodeProcesses.freePort();
    Map<String, String> masterEnv = NodeProcesses.loopbackEnvironment(port, port);
    masterEnv.putAll(tls);
    NodeProcesses.Node master = nodes.squall("master", masterEnv, "master", "--config", config.toString(),
        "--param", "delay-ms=2", "--min-workers", "1", "--out", dir.resolve("out").toString());
    Map<String, String> otherName = new HashMap<>(tls);
    otherName.put("SQUALL_CLUSTER_NAME", "other");
    NodeProcesses.Node stranger = worker("other-name", port, otherName);
    NodeProcesses.Node plain = worker("no-tls", port, Map.of());
    NodeProcesses.Node member = worker("member", port, tls);

    assertEquals(0, master.exitCode(RUN), nodes.outputs());
    assertEquals(0, member.exitCode(START), nodes.outputs());
    assertArrayEquals(sequentialSamples(), Files.readAllBytes(dir.resolve("out").resolve(ResultsWriter.SAMPLES)),
        "the TLS cluster's samples differ from the sequential run's" + nodes.outputs());
    assertTrue(master.output().contains("Dropping Handshake Request from [pekko://other@127.0.0.1:"),
        "the master names the node of the other cluster" + nodes.outputs());
    stranger.awaitOutput("no master found yet; still trying to join pekko://other@127.0.0.1:" + port, START);
    assertTrue(stranger.output().contains("the same cluster name (other) and TLS settings?"), stranger.output());
    plain.awaitOutput("no master found yet; still trying to join pekko://squall@127.0.0.1:" + port, START);
    for (NodeProcesses.Node outsider : List.of(stranger, plain)) {
      assertFalse(outsider.output().contains("accepted by the master"), outsider.output());
      assertTrue(outsider.process().isAlive(), "an outsider keeps waiting for a master; it is not in the run");
    }
    assertTrue(master.output().contains("registered 1 worker(s) (1 in all)"), master.output());
  }

  @Test
  void aResultLargerThanAMessageStopsTheRunNamingTheSizes() {
    int port = NodeProcesses.freePort();
    Map<String, String> masterEnv = NodeProcesses.loopbackEnvironment(port, port);
    String model = TestModels.WideDerived.class.getName();
    NodeProcesses.Node master = nodes.squall("master", masterEnv, "master", "--config", config.toString(),
        "--model", model, "--param", "count=40000", "--min-workers", "1", "--out", dir.resolve("out").toString());
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, port);
    env.put("SQUALL_WORKERS", "1");
    NodeProcesses.Node worker = nodes.squall("worker", env, "worker", "--config", config.toString(),
        "--model", model, "--param", "count=40000");
    assertEquals(1, master.exitCode(RUN), nodes.outputs());
    assertTrue(master.output().contains("a result too large to send: 1 point(s) with 40000 derived value(s) each "
        + "make 320,008 bytes, more than the"), nodes.outputs());
    assertTrue(master.output().contains("raise squall.cluster.max-frame-size"), nodes.outputs());
    assertEquals(1, worker.exitCode(START), nodes.outputs());
    assertFalse(Files.exists(dir.resolve("out").resolve(ResultsWriter.SUMMARY)), "no summary for a failed run");
  }

  private byte[] sequentialSamples() throws IOException {
    Path out = dir.resolve("sequential");
    StringWriter err = new StringWriter();
    int code = SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", config.toString(), "--workers", "0", "--out", out.toString());
    assertEquals(0, code, err.toString());
    return Files.readAllBytes(out.resolve(ResultsWriter.SAMPLES));
  }
}
