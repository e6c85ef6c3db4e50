package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing the master: a master JVM checkpointing every 2 iterations and two worker JVMs on
 * 127.0.0.1; the master is killed with SIGKILL after a checkpoint and restarted with
 * {@code --resume}; the worker nodes, downed once the master has been unreachable for
 * {@code down-after}, start afresh, rejoin the new master and finish the run, whose samples.csv and
 * summary.json equal the sequential run's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MasterResumeTest {
  /** ClusterModeTest's run, with failure detection shortened so that the workers notice the loss quickly. */
  private static final String CONFIG = ClusterModeTest.SAMPLER
      + "squall.cluster { unreachable-after = 1s, down-after = 2s, rejoin-timeout = 60s }\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aMasterKilledAfterACheckpointIsResumedAndTheWorkersRejoin() throws IOException {
    Path config = TestFiles.write(dir, "cluster.conf", CONFIG);
    Path sequential = dir.resolve("sequential");
    StringWriter err = new StringWriter();
    assertEquals(0, SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", config.toString(), "--workers", "0", "--out", sequential.toString()),
        err.toString());
    Path out = dir.resolve("out");
    Path checkpoint = out.resolve(CheckpointSettings.DEFAULT_FILE);
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      int port = NodeProcesses.freePort();
      NodeProcesses.Node first = master(nodes, "master", port, config, out);
      NodeProcesses.Node workerA = worker(nodes, "worker-a", port, config);
      NodeProcesses.Node workerB = worker(nodes, "worker-b", port, config);
      int iterations = CheckpointKillTest.awaitCheckpoint(first, checkpoint, 4);
      first.process().destroyForcibly();
      assertEquals(137, first.exitCode(ClusterModeTest.START), "SIGKILL");

      NodeProcesses.Node resumed = master(nodes, "master-resumed", port, config, out, "--resume",
          checkpoint.toString());
      assertEquals(0, resumed.exitCode(ClusterModeTest.RUN), nodes.outputs());
      assertTrue(resumed.output().contains("resuming " + checkpoint + " after iteration " + iterations),
          resumed.output());
      for (NodeProcesses.Node worker : new NodeProcesses.Node[] {workerA, workerB}) {
        assertEquals(0, worker.exitCode(ClusterModeTest.START), nodes.outputs());
        assertTrue(worker.output().contains("rejoins"), worker.output());
      }
      assertTrue(resumed.output().contains("sampling starts with 2 worker(s) on 2 node(s)"), nodes.outputs());
    }
    assertArrayEquals(Files.readAllBytes(sequential.resolve(ResultsWriter.SAMPLES)),
        Files.readAllBytes(out.resolve(ResultsWriter.SAMPLES)), "samples.csv differs from the sequential run's");
    assertEquals(result(sequential), result(out));
  }

  private static NodeProcesses.Node master(NodeProcesses nodes, String name, int port, Path config, Path out,
      String... extra) {
    String[] args = {"master", "--config", config.toString(), "--param", "delay-ms=3", "--min-workers", "2",
        "--checkpoint-every", "2", "--out", out.toString()};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    return nodes.squall(name, NodeProcesses.loopbackEnvironment(port, port), all);
  }

  private static NodeProcesses.Node worker(NodeProcesses nodes, String name, int masterPort, Path config) {
    Map<String, String> env = NodeProcesses.loopbackEnvironment(0, masterPort);
    env.put("SQUALL_WORKERS", "1");
    return nodes.squall(name, env, "worker", "--config", config.toString(), "--param", "delay-ms=3");
  }

  /** summary.json without the execution fields and the model (the cluster nodes add delay-ms). */
  private static ObjectNode result(Path out) throws IOException {
    ObjectNode summary = (ObjectNode) JSON.readTree(out.resolve(ResultsWriter.SUMMARY).toFile());
    summary.remove(CheckpointCliTest.EXECUTION_FIELDS);
    summary.remove("model");
    return summary;
  }
}
