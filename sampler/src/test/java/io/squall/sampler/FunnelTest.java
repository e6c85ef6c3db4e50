package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A known weakness, made visible: two Gaussian means and a common noise scale s with a wide
 * log-uniform prior (s ∈ [0.01, 10], 50 data points per mean, true s = 0.05). At the temperatures
 * where the tempered posterior of s moves from the prior's width down to the data's, μ's width
 * shrinks with s — a funnel — and the fitted-Gaussian MCMC moves do not equilibrate: every run
 * misses mass in its own way, log Z comes out low by 1–5 nats (docs/accuracy.md, "Funnels"),
 * while each run's lineage-bootstrap error says ±0.13. One run cannot see this; replicas can, and
 * {@link Replicas#consistencyWarning} says so.
 *
 * <p>The problem and its exact log Z (μ integrals analytic with the prior box's erf terms, s by the
 * midpoint rule) are those of {@link FunnelSweep}. Fixed seeds. The warning fires when χ² of the
 * replicas is in the upper 10⁻³ tail: a run whose errors were calibrated would raise it once in
 * 1,000, so the calibrated Gaussian check below (3-D, seed 21) fails falsely with probability
 * about 10⁻³.
 */
class FunnelTest {
  private static final FunnelSweep FUNNEL = new FunnelSweep(50, 0.05, 0.01, 10.0);

  @Test
  void replicasOfAFunnelDisagreeBeyondTheirErrorsAndTheRunSaysSo() {
    SamplerResult pooled = FUNNEL.builder().seed(5).replicas(4).run();
    double exact = FUNNEL.exactLogEvidence(1.0);
    assertTrue(pooled.logEvidence() < exact - 0.5, "the known low bias is still there (if this fails, the "
        + "sampler got better: update docs/accuracy.md): " + pooled.logEvidence() + " vs exact " + exact);
    assertTrue(pooled.warnings().stream().anyMatch(w -> w.contains("replicas' log Z estimates spread")),
        "warnings: " + pooled.warnings());
  }

  @Test
  void calibratedReplicasDoNotWarn() {
    SamplerResult pooled = SequentialDriver.run(TestModels.gaussian(3, 0.3), SamplerSettings.builder()
        .activeParticles(128).effectiveParticles(256).totalSamples(1024).seed(21).replicas(4).build());
    assertTrue(pooled.warnings().stream().noneMatch(w -> w.contains("replicas' log Z estimates spread")),
        "warnings: " + pooled.warnings());
  }

  @Test
  void theConsistencyCheckIsAChiSquaredTailTest() {
    double[] sigma = {0.1, 0.1, 0.1, 0.1};
    assertEquals(Optional.empty(), Replicas.consistencyWarning(new double[] {0.0, 0.1, -0.1, 0.05}, sigma));
    // chi2 = 10 for 3 degrees of freedom: p = 0.019, no warning; chi2 = 20: p = 1.7e-4, a warning
    double d = Math.sqrt(10.0 / 4) * 0.1;
    assertEquals(Optional.empty(), Replicas.consistencyWarning(new double[] {d, -d, d, -d}, sigma));
    double e = Math.sqrt(20.0 / 4) * 0.1;
    Optional<String> warning = Replicas.consistencyWarning(new double[] {e, -e, e, -e}, sigma);
    assertTrue(warning.isPresent() && warning.get().contains("chi2 = 20.0 for 3 degrees of freedom"),
        warning.toString());
    assertEquals(Optional.empty(), Replicas.consistencyWarning(new double[] {e, -e, e, -e},
        new double[] {0.1, Double.NaN, 0.1, 0.1}), "no check without every replica's error");
  }
}
