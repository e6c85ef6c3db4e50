package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.squall.sampler.CheckpointFormat;
import io.squall.sampler.SamplerCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code squall run --checkpoint-every K} and {@code squall run --resume FILE} in this JVM: runs
 * stopped at several points (a likelihood that throws once its budget of calls is spent) and
 * resumed give the uninterrupted run's summary.json and samples.csv; a checkpoint of another model
 * or settings, or a damaged file, is refused with one line and exit code 2, and nothing already
 * written changes.
 */
class CheckpointCliTest {
  static final String MODEL = TestModels.Interruptible.class.getName();
  /** Fields of summary.json that depend on time or on how the run was executed, not on its result. */
  static final List<String> EXECUTION_FIELDS = List.of("wallSeconds", "mode", "workers", "parallelEfficiency",
      "secondsPerPoint", "evaluationSeconds", "workerStats", "advice");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path config;

  private static CliRun squall(String... args) {
    return CliRun.squall(args);
  }

  @BeforeEach
  void setUp() {
    config = TestFiles.smallConfig(dir, "squall.sampler.seed = 42");
  }

  @AfterEach
  void unlimited() {
    TestModels.Interruptible.BUDGET.set(Long.MAX_VALUE);
  }

  private CliRun run(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--model", MODEL,
        "--out", out.toString()));
    args.addAll(List.of(extra));
    return squall(args.toArray(String[]::new));
  }

  /** summary.json without the fields of {@link #EXECUTION_FIELDS}. */
  static JsonNode result(Path out) throws IOException {
    ObjectNode summary = (ObjectNode) JSON.readTree(out.resolve(ResultsWriter.SUMMARY).toFile());
    summary.remove(EXECUTION_FIELDS);
    return summary;
  }

  static void assertSameResults(Path expected, Path actual) throws IOException {
    assertEquals(result(expected), result(actual));
    assertArrayEquals(Files.readAllBytes(expected.resolve(ResultsWriter.SAMPLES)),
        Files.readAllBytes(actual.resolve(ResultsWriter.SAMPLES)), "samples.csv");
  }

  private Path uninterrupted() {
    Path out = dir.resolve("uninterrupted");
    CliRun run = run(out, "--workers", "0");
    assertEquals(0, run.exitCode(), run.err());
    return out;
  }

  @Test
  void aRunStoppedAtSeveralPointsAndResumedGivesTheUninterruptedResults() throws IOException {
    Path reference = uninterrupted();
    long calls = JSON.readTree(reference.resolve(ResultsWriter.SUMMARY).toFile()).get("likelihoodCalls").asLong();
    List<Integer> resumedAfter = new ArrayList<>();
    for (double fraction : new double[] {0.2, 0.5, 0.9}) {
      Path out = dir.resolve("stopped-" + fraction);
      TestModels.Interruptible.BUDGET.set((long) (fraction * calls));
      CliRun stopped = run(out, "--workers", "0", "--checkpoint-every", "2");
      assertEquals(CliErrors.FAILURE, stopped.exitCode(), stopped.err());
      assertTrue(stopped.err().contains("budget of likelihood calls is spent"), stopped.err());
      assertFalse(Files.exists(out.resolve(ResultsWriter.SUMMARY)));
      Path checkpoint = out.resolve(CheckpointSettings.DEFAULT_FILE);
      int iterations = CheckpointFormat.read(checkpoint).iterations();
      resumedAfter.add(iterations);
      TestModels.Interruptible.BUDGET.set(Long.MAX_VALUE);
      CliRun resumed = squall("run", "--resume", checkpoint.toString(), "--workers", "0");
      assertEquals(0, resumed.exitCode(), resumed.err());
      assertTrue(resumed.out().startsWith("resuming " + checkpoint + " after iteration " + iterations + " ("),
          resumed.out());
      assertSameResults(reference, out);
      assertEquals("sequential", JSON.readTree(out.resolve(ResultsWriter.SUMMARY).toFile()).get("mode").asText());
    }
    assertFalse(Files.exists(reference.resolve(CheckpointSettings.DEFAULT_FILE)), "no checkpoint unless asked");
    assertEquals(3, resumedAfter.stream().distinct().count(), "stopped at " + resumedAfter);
  }

  /** Execution settings may change on resume: mode, workers, output folder, checkpoint interval. */
  @Test
  void aResumedRunMayChangeWorkersOutputAndInterval() throws IOException {
    Path reference = uninterrupted();
    Path first = dir.resolve("first");
    TestModels.Interruptible.BUDGET.set(700);
    assertEquals(CliErrors.FAILURE, run(first, "--workers", "0", "--checkpoint-every", "3").exitCode());
    TestModels.Interruptible.BUDGET.set(Long.MAX_VALUE);
    Path second = dir.resolve("second");
    CliRun resumed = squall("run", "--resume", first.resolve("checkpoint.bin").toString(), "--workers", "2",
        "--out", second.toString(), "--checkpoint-every", "4");
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertSameResults(reference, second);
    assertEquals("local", JSON.readTree(second.resolve(ResultsWriter.SUMMARY).toFile()).get("mode").asText());
    assertFalse(Files.exists(first.resolve(ResultsWriter.SUMMARY)), "results go to --out");
    SamplerCheckpoint last = CheckpointFormat.read(second.resolve(CheckpointSettings.DEFAULT_FILE));
    assertEquals(0, last.iterations() % 4, "checkpoints every 4 iterations now");
    assertEquals("4", last.origin().settings().get(SettingKeys.CHECKPOINT_EVERY));
    assertEquals(second.toString(), last.origin().settings().get(SettingKeys.OUTPUT_DIR));
    assertEquals(MODEL, last.origin().modelName());
  }

  /** A built-in model with derived values: they are in the checkpoint and in the resumed samples.csv. */
  @Test
  void derivedValuesAreResumedWithTheirParticles() throws IOException {
    Path reference = dir.resolve("derived");
    String[] model = {"--config", config.toString(), "--model", "gaussian", "--param", "dim=2", "--param",
        "derived=true", "--workers", "0"};
    assertEquals(0, squall(concat(new String[] {"run", "--out", reference.toString()}, model)).exitCode());
    int total = JSON.readTree(reference.resolve(ResultsWriter.SUMMARY).toFile()).get("iterations").asInt();
    int every = total / 2 + 1;
    Path out = dir.resolve("derived-checkpointed");
    assertEquals(0, squall(concat(new String[] {"run", "--out", out.toString(), "--checkpoint-every",
        Integer.toString(every)}, model)).exitCode());
    Path checkpoint = out.resolve(CheckpointSettings.DEFAULT_FILE);
    SamplerCheckpoint written = CheckpointFormat.read(checkpoint);
    assertEquals(every, written.iterations());
    assertEquals(List.of("radius2", "chi2"), written.derivedNames());
    Files.delete(out.resolve(ResultsWriter.SUMMARY));
    Files.delete(out.resolve(ResultsWriter.SAMPLES));
    CliRun resumed = squall("run", "--resume", checkpoint.toString(), "--workers", "2");
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertSameResults(reference, out);
    assertTrue(Files.readAllLines(out.resolve(ResultsWriter.SAMPLES)).get(0).contains("radius2"));
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private Path checkpointOfAStoppedRun() {
    Path out = dir.resolve("stopped");
    TestModels.Interruptible.BUDGET.set(700);
    assertEquals(CliErrors.FAILURE, run(out, "--workers", "0", "--checkpoint-every", "2").exitCode());
    TestModels.Interruptible.BUDGET.set(Long.MAX_VALUE);
    return out.resolve(CheckpointSettings.DEFAULT_FILE);
  }

  private static void assertRefused(CliRun outcome, String expectedError) {
    assertEquals(CliErrors.USAGE, outcome.exitCode(), outcome.err());
    assertEquals("squall: error: " + expectedError + System.lineSeparator(), outcome.err());
  }

  @Test
  void anotherModelIsRefusedNamingBothModelsAndDimensions() {
    Path checkpoint = checkpointOfAStoppedRun();
    assertRefused(squall("run", "--resume", checkpoint.toString(), "--model", "gaussian", "--param", "dim=3"),
        "the checkpoint was written for model '" + MODEL + "' (dimension 2), the settings name 'gaussian {dim=3}' "
            + "(dimension 3)");
    assertRefused(squall("run", "--resume", checkpoint.toString(), "--param", "sigma=2"),
        "the checkpoint was written for model '" + MODEL + "' (dimension 2), the settings name '" + MODEL
            + " {sigma=2}' (dimension 2)");
  }

  @Test
  void anotherSamplerSettingIsRefusedNamingEveryDifference() {
    Path checkpoint = checkpointOfAStoppedRun();
    assertRefused(squall("run", "--resume", checkpoint.toString(), "--seed", "7"),
        "squall.sampler.seed is 7 but the checkpoint was written with 42 (sampler settings cannot change on resume)");
    Path other = TestFiles.write(dir, "other.conf", "squall.sampler { active-particles = 32, kernel = random-walk }");
    CliRun two = squall("run", "--resume", checkpoint.toString(), "--config", other.toString());
    assertEquals(CliErrors.USAGE, two.exitCode());
    assertEquals(List.of("squall: error: 2 problems:",
        "  - squall.sampler.active-particles is 32 but the checkpoint was written with 64 (sampler settings "
            + "cannot change on resume)",
        "  - squall.sampler.kernel is random-walk but the checkpoint was written with pcn (sampler settings "
            + "cannot change on resume)"), two.err().lines().toList());
  }

  @Test
  void aDamagedCheckpointIsRefusedInOneLineAndNothingWrittenChanges() throws IOException {
    Path checkpoint = checkpointOfAStoppedRun();
    Path results = uninterrupted();
    byte[] bytes = Files.readAllBytes(checkpoint);
    Path truncated = Files.write(dir.resolve("truncated.bin"), Arrays.copyOf(bytes, bytes.length / 2));
    byte[] summary = Files.readAllBytes(results.resolve(ResultsWriter.SUMMARY));
    byte[] samples = Files.readAllBytes(results.resolve(ResultsWriter.SAMPLES));
    assertRefused(squall("run", "--resume", truncated.toString(), "--out", results.toString()),
        "checkpoint file '" + truncated + "' is truncated: " + bytes.length / 2 + " of " + bytes.length + " bytes");
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 3] ^= 1;
    Path corrupt = Files.write(dir.resolve("corrupt.bin"), flipped);
    assertRefused(squall("run", "--resume", corrupt.toString(), "--out", results.toString()),
        "checkpoint file '" + corrupt + "' is corrupt: checksum mismatch");
    Path notOne = results.resolve(ResultsWriter.SUMMARY);
    assertRefused(squall("run", "--resume", notOne.toString(), "--out", results.toString()),
        "checkpoint file '" + notOne + "' is not a Squall checkpoint (it does not start with SQUALLCK)");
    Path missing = dir.resolve("missing.bin");
    assertRefused(squall("run", "--resume", missing.toString()),
        "cannot read checkpoint file '" + missing + "': no such file");
    assertArrayEquals(summary, Files.readAllBytes(results.resolve(ResultsWriter.SUMMARY)));
    assertArrayEquals(samples, Files.readAllBytes(results.resolve(ResultsWriter.SAMPLES)));
    assertArrayEquals(bytes, Files.readAllBytes(checkpoint));
  }

  /** A checkpoint that cannot be written stops the run (here in local mode, inside the master actor). */
  @Test
  void aCheckpointThatCannotBeWrittenStopsTheRunWithOneLine() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    Path file = TestFiles.write(dir, "cp.conf",
        TestFiles.SMALL_SAMPLER + "squall.checkpoint.file = \"" + folder + "\"\n");
    CliRun run = squall("run", "--config", file.toString(), "--model", MODEL,
        "--out", dir.resolve("out").toString(), "--workers", "2", "--checkpoint-every", "2");
    assertEquals(CliErrors.FAILURE, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("squall: error: cannot write checkpoint '" + folder + "': "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void checkpointSettingsAreChecked() {
    Path out = dir.resolve("x");
    assertRefused(run(out, "--checkpoint-every", "-1"),
        "squall.checkpoint.every must be 0 (no checkpoints) or a positive number of iterations, got -1");
    Path replicas = TestFiles.write(dir, "replicas.conf", "squall.sampler.replicas = 2");
    assertRefused(squall("run", "--config", replicas.toString(), "--checkpoint-every", "2", "--out", out.toString()),
        "squall.checkpoint.every = 2 cannot be used with squall.sampler.replicas = 2: replicas runs are not "
            + "checkpointed (run each replica seed as its own run, or set squall.checkpoint.every = 0)");
    assertFalse(Files.exists(out));
  }
}
