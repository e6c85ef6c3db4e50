package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.squall.sampler.CheckpointException;
import io.squall.sampler.CheckpointFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of checkpoint and resume: {@code squall run --checkpoint-every 2} in a
 * separate JVM (local mode, two workers, slowed to a few seconds) is killed with SIGKILL after a
 * checkpoint, resumed with {@code --resume}, and its summary.json and samples.csv equal those of
 * the uninterrupted sequential run — all of summary.json but the wall time when the resumed run is
 * sequential too, all but the execution fields when it runs on local workers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckpointKillTest {
  private static final Duration RUN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRunKilledAfterACheckpointResumesToTheUninterruptedResults() throws IOException {
    Path config = TestFiles.smallConfig(dir, "squall.sampler.seed = 42");
    Path reference = dir.resolve("uninterrupted");
    assertEquals(0, CliRun.squall("run", "--config", config.toString(), "--model", CheckpointCliTest.MODEL,
        "--workers", "0", "--out", reference.toString()).exitCode());
    int total = JSON.readTree(reference.resolve(ResultsWriter.SUMMARY).toFile()).get("iterations").asInt();

    Path killed = dir.resolve("killed");
    Path checkpoint = killed.resolve(CheckpointSettings.DEFAULT_FILE);
    int iterations;
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      NodeProcesses.Node run = nodes.squall("run", Map.of(TestModels.Interruptible.DELAY_VARIABLE, "2"), "run",
          "--config", config.toString(), "--model", CheckpointCliTest.MODEL, "--workers", "2",
          "--checkpoint-every", "2", "--out", killed.toString());
      iterations = awaitCheckpoint(run, checkpoint, 4);
      run.process().destroyForcibly();
      assertEquals(137, run.exitCode(RUN), "SIGKILL");
    }
    assertTrue(iterations < total, "killed after iteration " + iterations + " of " + total);
    assertFalse(Files.exists(killed.resolve(ResultsWriter.SUMMARY)), "the killed run wrote no results");

    Path sequential = dir.resolve("resumed-sequential");
    CliRun resumed = CliRun.squall("run", "--resume", checkpoint.toString(),
        "--workers", "0", "--out", sequential.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertEquals(withoutWallTime(reference), withoutWallTime(sequential));
    CheckpointCliTest.assertSameResults(reference, sequential);

    CliRun local = CliRun.squall("run", "--resume", checkpoint.toString(),
        "--workers", "2");
    assertEquals(0, local.exitCode(), local.err());
    CheckpointCliTest.assertSameResults(reference, killed);
  }

  /**
   * Waits until {@code file} holds a checkpoint of at least {@code iterations} iterations (it is
   * replaced atomically, so it is always whole) and returns its iterations.
   */
  static int awaitCheckpoint(NodeProcesses.Node run, Path file, int iterations) {
    long deadline = System.nanoTime() + RUN.toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(run.process().isAlive(), "the run ended before its checkpoint:\n" + run.output());
      if (Files.exists(file)) {
        try {
          int done = CheckpointFormat.read(file).iterations();
          if (done >= iterations) {
            return done;
          }
        } catch (CheckpointException e) {
          throw new AssertionError("a checkpoint was read half-written: " + e.getMessage(), e);
        }
      }
      ClusterModeTest.sleep(20);
    }
    throw new AssertionError("no checkpoint of " + iterations + " iterations within " + RUN + ":\n" + run.output());
  }

  private static ObjectNode withoutWallTime(Path out) throws IOException {
    ObjectNode summary = (ObjectNode) JSON.readTree(out.resolve(ResultsWriter.SUMMARY).toFile());
    summary.remove("wallSeconds");
    return summary;
  }
}
