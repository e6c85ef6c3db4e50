package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checkpoint and resume without any driver but the sequential loop: a run stopped at several
 * iterations, its checkpoint passed through the file format, and resumed gives the uninterrupted
 * run's result bit for bit — evidence, its lineage-bootstrap error, posterior and diagnostics.
 * Deliberately broken checkpoints (a stream restarted, the adapted step sizes forgotten) are shown
 * to change the result, so the comparison can fail.
 */
class CheckpointTest {
  private static final SamplerSettings SMALL = AskTellTest.SMALL;

  /** Every number of the result, bit for bit. */
  static void assertBitIdentical(SamplerResult expected, SamplerResult actual) {
    DeterminismTest.assertIdentical(expected, actual);
    assertEquals(Double.doubleToRawLongBits(expected.logEvidenceError()),
        Double.doubleToRawLongBits(actual.logEvidenceError()), "logEvidenceError");
    assertEquals(expected.evidence(), actual.evidence(), "evidence report");
    assertEquals(Double.doubleToRawLongBits(expected.effectiveSampleSize()),
        Double.doubleToRawLongBits(actual.effectiveSampleSize()), "effectiveSampleSize");
    assertEquals(expected.iterations(), actual.iterations());
    assertEquals(expected.settings(), actual.settings());
    assertEquals(expected.parameterNames(), actual.parameterNames());
  }

  /** Drives {@code sampler} until {@code iterations} iterations are complete, between two iterations. */
  static void driveTo(PersistentSampler sampler, int iterations) {
    while (!(sampler.atIterationBoundary() && sampler.iterations() == iterations)) {
      Request request = sampler.next();
      if (request instanceof Finished) {
        throw new AssertionError("the run finished before iteration " + iterations);
      }
      if (sampler.atIterationBoundary() && sampler.iterations() == iterations) {
        return;
      }
      Batch batch = (Batch) request;
      sampler.tell(batch.id(), sampler.model().evaluateUnitCube(batch.unitPoints()));
    }
  }

  private static SamplerCheckpoint throughFile(SamplerCheckpoint checkpoint) {
    return CheckpointFormat.fromBytes(CheckpointFormat.toBytes(checkpoint));
  }

  @Test
  void theSinkGetsACheckpointEveryKIterationsAndLeavesTheRunUnchanged() {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerResult plain = SequentialDriver.run(model, SMALL);
    PersistentSampler sampler = PersistentSampler.create(model, SMALL);
    List<SamplerCheckpoint> checkpoints = new ArrayList<>();
    sampler.checkpointEvery(3, checkpoints::add);
    SamplerResult checkpointed = SequentialDriver.run(sampler);
    assertBitIdentical(plain, checkpointed);
    assertEquals(plain.iterations() / 3, checkpoints.size());
    for (int k = 0; k < checkpoints.size(); k++) {
      assertEquals(3 * (k + 1), checkpoints.get(k).iterations());
      assertEquals(3 * (k + 1), checkpoints.get(k).diagnostics().size());
    }
  }

  /** Stops at every third iteration (warm-up, tempering and the β = 1 tail), resumes each. */
  @ParameterizedTest
  @EnumSource(Kernel.class)
  void aRunResumedAtSeveralIterationsIsBitIdentical(Kernel kernel) {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerSettings settings = SMALL.toBuilder().kernel(kernel).build();
    SamplerResult uninterrupted = SequentialDriver.run(model, settings);
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    List<SamplerCheckpoint> checkpoints = new ArrayList<>();
    sampler.checkpointEvery(3, checkpoints::add);
    SequentialDriver.run(sampler);
    assertTrue(checkpoints.size() >= 4, "only " + checkpoints.size() + " checkpoints");
    assertTrue(checkpoints.get(0).progress().beta() == 0.0, "the first checkpoint is in the warm-up");
    assertTrue(checkpoints.get(checkpoints.size() - 1).progress().beta() == 1.0, "the last is at beta = 1");
    for (SamplerCheckpoint checkpoint : checkpoints) {
      SamplerResult resumed = SequentialDriver.run(PersistentSampler.resume(model, throughFile(checkpoint)));
      assertBitIdentical(uninterrupted, resumed);
    }
  }

  /** Several modes: the modes the step sizes belong to and the cluster stream carry over. */
  @Test
  void aClusteredRunResumedMidwayIsBitIdentical() {
    Model model = TestModels.twoModes();
    // Pinned (not the defaults): with these settings two modes are fitted from iteration 7 on.
    SamplerSettings settings = SamplerSettings.builder().seed(11).totalSamples(1024).effectiveParticles(512)
        .mcmcSteps(2).build();
    SamplerResult uninterrupted = SequentialDriver.run(model, settings);
    for (int stop : new int[] {4, 7, 10}) {
      PersistentSampler first = PersistentSampler.create(model, settings);
      driveTo(first, stop);
      SamplerCheckpoint checkpoint = throughFile(first.checkpoint());
      assertTrue(checkpoint.progress().modes().size() >= 2 || stop < 7,
          "modes at iteration " + stop + ": " + checkpoint.progress().modes().size());
      assertBitIdentical(uninterrupted, SequentialDriver.run(PersistentSampler.resume(model, checkpoint)));
    }
  }

  /** Derived values are stored with their particles and resumed with them. */
  @Test
  void derivedValuesAreCheckpointedAndResumed() {
    Model model = Model.withDerived(Prior.uniformBox(3, -10, 10), List.of("radius2", "first"),
        theta -> new Evaluation.Point(TestModels.gaussian(3, 0.3).logLikelihoods(new double[][] {theta})[0],
            new double[] {theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2], theta[0]}));
    SamplerResult uninterrupted = SequentialDriver.run(model, SMALL);
    PersistentSampler sampler = PersistentSampler.create(model, SMALL);
    driveTo(sampler, 5);
    SamplerCheckpoint checkpoint = throughFile(sampler.checkpoint());
    assertEquals(List.of("radius2", "first"), checkpoint.derivedNames());
    assertEquals(2L * checkpoint.pool().size(), checkpoint.pool().derived().length);
    assertArrayEquals(sampler.checkpoint().pool().derived(), checkpoint.pool().derived());
    SamplerResult resumed = SequentialDriver.run(PersistentSampler.resume(model, checkpoint));
    assertBitIdentical(uninterrupted, resumed);
    assertEquals(uninterrupted.posterior().derivedNames(), resumed.posterior().derivedNames());
    for (int i = 0; i < uninterrupted.posterior().size(); i++) {
      assertArrayEquals(uninterrupted.posterior().derived(i), resumed.posterior().derived(i), "particle " + i);
    }
    SettingsException other = assertThrows(SettingsException.class,
        () -> PersistentSampler.resume(TestModels.gaussian(3, 0.3), checkpoint));
    assertEquals(List.of("the checkpoint was written for derived values [radius2, first], this model has []"),
        other.problems());
  }

  @Test
  void aResumedRunCanBeCheckpointedAndResumedAgain() {
    Model model = TestModels.gaussian(2, 0);
    SamplerResult uninterrupted = SequentialDriver.run(model, SMALL);
    PersistentSampler first = PersistentSampler.create(model, SMALL);
    driveTo(first, 3);
    PersistentSampler second = PersistentSampler.resume(model, throughFile(first.checkpoint()));
    List<SamplerCheckpoint> later = new ArrayList<>();
    second.checkpointEvery(4, later::add);
    driveTo(second, 8);
    assertEquals(1, later.size(), "the resumed sampler checkpoints at 4 and 8, not again at 3");
    assertEquals(4, later.get(0).iterations());
    PersistentSampler third = PersistentSampler.resume(model, throughFile(second.checkpoint()));
    assertBitIdentical(uninterrupted, SequentialDriver.run(third));
  }

  @Test
  void theFileFormatRoundTripsEveryBit() {
    Model model = TestModels.twoModes();
    PersistentSampler sampler = PersistentSampler.create(model, SamplerSettings.builder().seed(3).build());
    driveTo(sampler, 8);
    SamplerCheckpoint checkpoint = sampler.checkpoint().withOrigin(new SamplerCheckpoint.Origin("two-modes",
        Map.of("w", "0.8", "naïve key", "ünïcode"), Map.of("squall.output.dir", "out")));
    byte[] bytes = CheckpointFormat.toBytes(checkpoint);
    SamplerCheckpoint read = CheckpointFormat.fromBytes(bytes);
    assertArrayEquals(bytes, CheckpointFormat.toBytes(read));
    assertEquals(checkpoint.origin(), read.origin());
    assertEquals(checkpoint.settings(), read.settings());
    assertEquals(checkpoint.diagnostics(), read.diagnostics());
    assertEquals(checkpoint.pool().history(), read.pool().history());
    assertArrayEquals(checkpoint.pool().logDenominators(), read.pool().logDenominators());
    assertArrayEquals(checkpoint.pool().parents(), read.pool().parents());
    assertTrue(Double.isNaN(read.diagnostics().get(0).acceptance()), "NaN of the warm-up iteration");
    for (RandomStreams.Purpose purpose : SamplerCheckpoint.STREAMS) {
      assertArrayEquals(checkpoint.randomStates().get(purpose), read.randomStates().get(purpose));
    }
  }

  @Test
  void aCheckpointIsTakenBetweenIterationsOnly() {
    PersistentSampler sampler = PersistentSampler.create(TestModels.gaussian(2, 0), SMALL);
    assertTrue(sampler.atIterationBoundary());
    sampler.next();
    assertFalse(sampler.atIterationBoundary());
    IllegalStateException e = assertThrows(IllegalStateException.class, sampler::checkpoint);
    assertTrue(e.getMessage().contains("between iterations"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sampler.checkpointEvery(0, c -> { }));
  }

  @Test
  void aFailingSinkStopsNextAndTheCheckpointIsRetried() {
    Model model = TestModels.gaussian(2, 0);
    SamplerResult uninterrupted = SequentialDriver.run(model, SMALL);
    PersistentSampler sampler = PersistentSampler.create(model, SMALL);
    List<Integer> written = new ArrayList<>();
    boolean[] fail = {true};
    sampler.checkpointEvery(2, c -> {
      if (fail[0]) {
        fail[0] = false;
        throw new IllegalStateException("disk full");
      }
      written.add(c.iterations());
    });
    driveTo(sampler, 2);
    assertThrows(IllegalStateException.class, sampler::next);
    assertBitIdentical(uninterrupted, SequentialDriver.run(sampler));
    assertEquals(2, written.get(0));
  }

  // ---- broken variants: the comparison above can fail ------------------------------------

  /**
   * Resumes a run of {@code settings} at iteration 6 from its checkpoint changed by {@code breaking}
   * and asserts that the result differs from the uninterrupted run's.
   */
  private static void assertBreakingChangesTheRun(SamplerSettings settings,
      java.util.function.UnaryOperator<SamplerCheckpoint> breaking) {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerResult uninterrupted = SequentialDriver.run(model, settings);
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    driveTo(sampler, 6);
    SamplerCheckpoint broken = breaking.apply(sampler.checkpoint());
    SamplerResult resumed = SequentialDriver.run(PersistentSampler.resume(model, broken));
    assertNotEquals(uninterrupted.logEvidence(), resumed.logEvidence());
  }

  @Test
  void restartingTheProposeStreamChangesTheRun() {
    assertBreakingChangesTheRun(SMALL, c -> {
      Map<RandomStreams.Purpose, byte[]> states = new EnumMap<>(c.randomStates());
      states.put(RandomStreams.Purpose.PROPOSE,
          RandomStreams.saveState(RandomStreams.create(SMALL.seed(), RandomStreams.Purpose.PROPOSE)));
      return new SamplerCheckpoint(c.origin(), c.settings(), c.parameterNames(), c.boundaries(), c.derivedNames(),
          c.pool(), c.diagnostics(), c.progress(), states);
    });
  }

  @Test
  void forgettingTheAdaptedStepSizesChangesTheRun() {
    double initial = 2.38 / Math.sqrt(3);
    assertBreakingChangesTheRun(SMALL.toBuilder().kernel(Kernel.RANDOM_WALK).build(), c -> {
      SamplerCheckpoint.Progress p = c.progress();
      assertNotEquals(initial, p.stepSizes()[0], "the step size has adapted");
      SamplerCheckpoint.Progress reset = new SamplerCheckpoint.Progress(p.beta(), new double[] {initial}, List.of(),
          p.nextSteps(), p.batchCounter(), p.likelihoodCalls());
      return new SamplerCheckpoint(c.origin(), c.settings(), c.parameterNames(), c.boundaries(), c.derivedNames(),
          c.pool(), c.diagnostics(), reset, c.randomStates());
    });
  }

  // ---- refusals --------------------------------------------------------------------------

  @Test
  void anotherModelIsRefusedNamingTheDifference() {
    PersistentSampler sampler = PersistentSampler.create(TestModels.gaussian(3, 0), SMALL);
    driveTo(sampler, 2);
    SamplerCheckpoint checkpoint = sampler.checkpoint();
    SettingsException dimension = assertThrows(SettingsException.class,
        () -> PersistentSampler.resume(TestModels.gaussian(2, 0), checkpoint));
    assertEquals(List.of("the checkpoint was written for a model of dimension 3 [x0, x1, x2], this model has "
        + "dimension 2 [x0, x1]"), dimension.problems());
    Model renamed = Model.of(Prior.uniformBox(List.of("a", "b", "c"), -10, 10), t -> 0.0);
    SettingsException names = assertThrows(SettingsException.class, () -> PersistentSampler.resume(renamed,
        checkpoint));
    assertTrue(names.getMessage().contains("parameters [x0, x1, x2], this model has [a, b, c]"), names.getMessage());
  }

  // ---- damaged files ---------------------------------------------------------------------

  private static byte[] someCheckpoint() {
    PersistentSampler sampler = PersistentSampler.create(TestModels.gaussian(2, 0), SMALL);
    driveTo(sampler, 3);
    return CheckpointFormat.toBytes(sampler.checkpoint());
  }

  @Test
  void everyTruncationIsReportedAsSuch() {
    byte[] bytes = someCheckpoint();
    for (int length = 8; length < bytes.length; length += Math.max(1, length / 7)) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFormat.fromBytes(cut));
      assertTrue(e.getMessage().startsWith("is truncated: "), length + ": " + e.getMessage());
    }
    CheckpointException last = assertThrows(CheckpointException.class,
        () -> CheckpointFormat.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
    assertEquals("is truncated: " + (bytes.length - 1) + " of " + bytes.length + " bytes", last.getMessage());
  }

  @Test
  void aFlippedBitIsACorruptFile() {
    byte[] bytes = someCheckpoint();
    for (int at : new int[] {30, bytes.length / 2, bytes.length - 5, bytes.length - 1}) {
      byte[] flipped = bytes.clone();
      flipped[at] ^= 0x10;
      CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFormat.fromBytes(flipped));
      assertEquals("is corrupt: checksum mismatch", e.getMessage(), "byte " + at);
    }
  }

  @Test
  void otherFilesAreNamedForWhatTheyAre() {
    byte[] bytes = someCheckpoint();
    assertEquals("is empty", message(new byte[0]));
    assertEquals("is not a Squall checkpoint (it does not start with SQUALLCK)",
        message("{\"logEvidence\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("is truncated: 4 bytes, not even a header", message(java.util.Arrays.copyOf(bytes, 4)));
    byte[] later = bytes.clone();
    later[11] = 2;
    assertEquals("has format version 2; this Squall reads version 1", message(later));
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    assertEquals("is corrupt: 3 bytes after its end", message(longer));
  }

  private static String message(byte[] bytes) {
    return assertThrows(CheckpointException.class, () -> CheckpointFormat.fromBytes(bytes)).getMessage();
  }

  @Test
  void readingAFileNamesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("cp.bin");
    CheckpointException missing = assertThrows(CheckpointException.class, () -> CheckpointFormat.read(file));
    assertEquals("cannot read checkpoint file '" + file + "': no such file", missing.getMessage());
    byte[] bytes = someCheckpoint();
    java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, 100));
    CheckpointException cut = assertThrows(CheckpointException.class, () -> CheckpointFormat.read(file));
    assertEquals("checkpoint file '" + file + "' is truncated: 100 of " + bytes.length + " bytes", cut.getMessage());
    java.nio.file.Files.write(file, bytes);
    assertEquals(3, CheckpointFormat.read(file).iterations());
  }
}
