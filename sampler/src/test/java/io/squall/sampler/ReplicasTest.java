package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Independent replicas: derived seeds, independence of the runs, the pooled estimate and its error. */
class ReplicasTest {
  private static final SamplerSettings FOUR = SamplerSettings.builder()
      .activeParticles(128).effectiveParticles(256).totalSamples(1024).seed(21).replicas(4).build();

  @Test
  void replicaSeedsAreDerivedDistinctAndFixed() {
    List<SamplerSettings> settings = Replicas.settings(FOUR);
    assertEquals(4, settings.size());
    HashSet<Long> seeds = new HashSet<>();
    for (SamplerSettings s : settings) {
      assertEquals(1, s.replicas());
      assertEquals(FOUR.activeParticles(), s.activeParticles());
      seeds.add(s.seed());
    }
    assertEquals(4, seeds.size());
    assertEquals(settings, Replicas.settings(FOUR));
    assertNotEquals(settings, Replicas.settings(FOUR.toBuilder().seed(22).build()));
  }

  /**
   * The pooled estimate lies within the 99 % Student-t interval of its stated error (t with 3
   * degrees of freedom: ±5.84σ̂; a false alarm in 1 % of seeds if the error is calibrated), and the
   * replicas, run in reverse order, pool to the same bits as the driver's sequential run.
   */
  @Test
  void pooledEstimateIsWithinItsStatedErrorWhateverTheOrderOfTheRuns() {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerResult pooled = SequentialDriver.run(model, FOUR);
    EvidenceReport e = pooled.evidence();
    assertEquals(EvidenceReport.ErrorMethod.REPLICA_SPREAD, e.errorMethod());
    assertEquals(4, e.replicas());
    assertTrue(e.logEvidenceError() > 0 && Double.isFinite(e.logEvidenceError()));
    double error = pooled.logEvidence() - TestModels.gaussianLogEvidence(3);
    assertTrue(Math.abs(error) < e.halfWidth(0.99), "error " + error + ", σ̂ " + e.logEvidenceError());
    assertEquals(5.841 * e.logEvidenceError(), e.halfWidth(0.99), 1e-3 * e.logEvidenceError());

    List<PersistentSampler> samplers = Replicas.samplers(model, FOUR);
    List<PersistentSampler> reversed = new ArrayList<>(samplers);
    Collections.reverse(reversed);
    reversed.forEach(SequentialDriver::run);
    SamplerResult again = Replicas.combine(FOUR, samplers);
    assertEquals(Double.doubleToLongBits(pooled.logEvidence()), Double.doubleToLongBits(again.logEvidence()));
    assertEquals(pooled.evidence(), again.evidence());

    long calls = 0;
    int particles = 0;
    for (PersistentSampler s : samplers) {
      SamplerResult r = ((Finished) s.next()).result();
      calls += r.likelihoodCalls();
      particles += r.posterior().size();
    }
    assertEquals(calls, pooled.likelihoodCalls());
    assertEquals(particles, pooled.posterior().size());
  }

  @Test
  void theBuilderRunsReplicas() {
    SamplerResult r = Squall.sampler().prior(Prior.uniformBox(2, -10, 10))
        .logLikelihood(t -> -0.5 * (t[0] * t[0] + t[1] * t[1]) - Math.log(2 * Math.PI))
        .activeParticles(32).effectiveParticles(64).totalSamples(128).replicas(2).seed(3).run();
    assertEquals(2, r.evidence().replicas());
    assertEquals(2, r.settings().replicas());
    assertEquals(EvidenceReport.ErrorMethod.REPLICA_SPREAD, r.evidence().errorMethod());
  }

  @Test
  void unfinishedReplicasCannotBePooled() {
    List<PersistentSampler> samplers = Replicas.samplers(TestModels.gaussian(2, 0.0), FOUR);
    assertThrows(IllegalStateException.class, () -> Replicas.combine(FOUR, samplers));
  }

  @Test
  void replicasMustBePositive() {
    SettingsException e = assertThrows(SettingsException.class, () -> SamplerSettings.builder().replicas(0).build());
    assertTrue(e.getMessage().contains("replicas"), e.getMessage());
  }
}
