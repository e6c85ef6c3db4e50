package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A progress listener hears every iteration once, in order, and changes nothing in the run. */
class ProgressListenerTest {
  private static final Squall.Builder BUILDER = Squall.sampler().prior(Prior.uniformBox(2, -5, 5))
      .logLikelihood(t -> -0.5 * (t[0] * t[0] + t[1] * t[1])).activeParticles(64).effectiveParticles(128)
      .totalSamples(256).seed(9);

  @Test
  void theListenerHearsEachIterationOnceAndTheRunIsUnchanged() {
    PersistentSampler sampler = PersistentSampler.create(BUILDER.model(), BUILDER.settings());
    List<IterationDiagnostics> heard = new ArrayList<>();
    sampler.progressListener(heard::add);
    SamplerResult followed = SequentialDriver.run(sampler);
    SamplerResult plain = SequentialDriver.run(BUILDER.model(), BUILDER.settings());
    assertEquals(followed.diagnostics(), heard);
    assertEquals(Double.doubleToLongBits(plain.logEvidence()), Double.doubleToLongBits(followed.logEvidence()));
    assertArrayEquals(plain.posterior().weights(), followed.posterior().weights());
    assertEquals(plain.likelihoodCalls(), followed.likelihoodCalls());
  }

  @Test
  void aResumedRunIsHeardFromTheCheckpointOnAndNullMeansNone() {
    PersistentSampler first = PersistentSampler.create(BUILDER.model(), BUILDER.settings());
    while (first.iterations() < 5) {
      Batch batch = (Batch) first.next();
      first.tell(batch.id(), BUILDER.model().evaluateUnitCube(batch.unitPoints()));
    }
    PersistentSampler resumed = PersistentSampler.resume(BUILDER.model(), first.checkpoint());
    List<Integer> heard = new ArrayList<>();
    resumed.progressListener(d -> heard.add(d.iteration()));
    SamplerResult result = SequentialDriver.run(resumed);
    assertEquals(5, heard.get(0));
    assertEquals(result.diagnostics().size() - 5, heard.size());
    resumed.progressListener(null); // no listener: nothing to throw on
  }

  @Test
  void aListenerThatThrowsStopsTheRun() {
    PersistentSampler sampler = PersistentSampler.create(BUILDER.model(), BUILDER.settings());
    sampler.progressListener(d -> {
      throw new IllegalStateException("display gone");
    });
    assertThrows(IllegalStateException.class, () -> SequentialDriver.run(sampler));
  }
}
