package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.CheckpointFormat;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.SamplerCheckpoint;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SequentialDriver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints in local mode: the master's sampler writes the same checkpoints, byte for byte, as
 * the sequential driver, and a checkpoint of either mode resumed in the other gives the
 * uninterrupted result bit for bit.
 */
class LocalModeCheckpointTest {
  private static final Model MODEL = TestModels.gaussian(2);

  private static List<byte[]> checkpoints(PersistentSampler sampler, int every) {
    List<byte[]> out = Collections.synchronizedList(new ArrayList<>());
    sampler.checkpointEvery(every, checkpoint -> out.add(CheckpointFormat.toBytes(checkpoint)));
    return out;
  }

  /** {@link TestModels#assertIdentical} and the evidence report (logEvidenceError and its diagnostics). */
  private static void assertSameResult(SamplerResult expected, SamplerResult actual) {
    TestModels.assertIdentical(expected, actual);
    assertEquals(expected.evidence(), actual.evidence());
  }

  @Test
  void localWorkersWriteTheSequentialCheckpointsAndResumeEitherModesCheckpoints() {
    PersistentSampler sequential = PersistentSampler.create(MODEL, TestModels.SMALL);
    List<byte[]> expected = checkpoints(sequential, 2);
    SamplerResult uninterrupted = SequentialDriver.run(sequential);

    PersistentSampler local = PersistentSampler.create(MODEL, TestModels.SMALL);
    List<byte[]> written = checkpoints(local, 2);
    assertSameResult(uninterrupted, LocalMode.run(local, TestModels.options(3)).result());
    assertEquals(expected.size(), written.size());
    assertTrue(expected.size() >= 3, expected.size() + " checkpoints");
    for (int k = 0; k < expected.size(); k++) {
      assertArrayEquals(expected.get(k), written.get(k), "checkpoint " + k);
    }

    for (int k : new int[] {0, expected.size() / 2}) {
      SamplerCheckpoint checkpoint = CheckpointFormat.fromBytes(written.get(k));
      RunResult resumed = LocalMode.run(PersistentSampler.resume(MODEL, checkpoint), TestModels.options(2));
      assertSameResult(uninterrupted, resumed.result());
      long remaining = uninterrupted.likelihoodCalls() - checkpoint.progress().likelihoodCalls();
      assertEquals(remaining, resumed.stats().points(), "the resumed run evaluates only what was left");
    }
  }
}
