package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code squall example … --cluster} with real worker JVMs on 127.0.0.1: the π estimate equals the
 * sequential one digit for digit, the add example checks itself, every node exits 0, and a worker
 * node started with another task is refused.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MapClusterTest {
  private static final Duration RUN = Duration.ofSeconds(150);

  @TempDir Path dir;

  private static Map<String, String> worker(int masterPort) {
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, masterPort);
    env.put("SQUALL_WORKERS", "1");
    return env;
  }

  @Test
  void piOnTwoWorkerJvmsEqualsTheSequentialEstimateAndAnotherTaskIsRefused() throws IOException {
    CliRun sequential = CliRun.squall("example", "pi", "--workers", "0",
        "--samples", "4000000", "--chunks", "200");
    assertEquals(0, sequential.exitCode(), sequential.err());
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      int port = NodeProcesses.freePort();
      NodeProcesses.Node master = nodes.squall("master", NodeProcesses.loopbackEnvironment(port, port), "example",
          "pi", "--cluster", "--min-workers", "2", "--samples", "4000000", "--chunks", "200");
      NodeProcesses.Node w1 = nodes.squall("worker-1", worker(port), "worker", "--model", "task:pi");
      NodeProcesses.Node w2 = nodes.squall("worker-2", worker(port), "worker", "--model", "task:pi");
      NodeProcesses.Node other = nodes.squall("worker-add", worker(port), "worker", "--model", "task:add",
          "--param", "chunk=10");
      assertEquals(2, other.exitCode(RUN), other.output());
      assertTrue(other.output().contains("refused by the master"), other.output());
      assertEquals(0, master.exitCode(RUN), master.output());
      assertEquals(ExampleCommandTest.estimate(sequential.out()), ExampleCommandTest.estimate(master.output()),
          master.output());
      assertEquals(0, w1.exitCode(RUN), w1.output());
      assertEquals(0, w2.exitCode(RUN), w2.output());
    }
  }

  @Test
  void addOnAWorkerJvmChecksItself() throws IOException {
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      int port = NodeProcesses.freePort();
      NodeProcesses.Node master = nodes.squall("master", NodeProcesses.loopbackEnvironment(port, port), "example",
          "add", "--cluster", "--size", "50000", "--chunk", "500");
      NodeProcesses.Node w = nodes.squall("worker", worker(port), "worker", "--model", "task:add", "--param",
          "chunk=500");
      assertEquals(0, master.exitCode(RUN), master.output());
      assertTrue(master.output().contains("all 50000 elements equal the sequential sum"), master.output());
      assertEquals(0, w.exitCode(RUN), w.output());
    }
  }
}
