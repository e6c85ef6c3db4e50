package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs with clustering on {@link TestModels#twoModes} (weights 0.8 / 0.2, log Z = −2·ln 20).
 *
 * <p>Tolerances: over seeds 1001–1020 with default settings (768 effective particles, 1–20 steps)
 * the log Ẑ error had mean −0.009 and sd 0.057, and the posterior weight of the θ₀ &gt; 0 mode mean
 * 0.2007 and sd 0.0051 ({@link ToleranceSweep}; at the old defaults, 512 and 2–20: −0.004 / 0.074
 * and 0.2014 / 0.0049). The check averages {@value #SEEDS} seeds and allows 4 standard errors: a
 * two-sided false-failure rate of 6·10⁻⁵ per quantity for a normal estimator.
 */
class ClusteringRunTest {
  static final int SEEDS = 3;

  static double shareOfSecondMode(SamplerResult r) {
    double share = 0;
    for (int i = 0; i < r.posterior().size(); i++) {
      share += r.posterior().theta(i)[0] > 0 ? r.posterior().weight(i) : 0;
    }
    return share;
  }

  static int largestModeCount(SamplerResult r) {
    return r.diagnostics().stream().mapToInt(IterationDiagnostics::modes).max().orElse(0);
  }

  @Test
  void unequalModesAreWeightedCorrectly() {
    double errors = 0;
    double shares = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      SamplerResult r = SequentialDriver.run(TestModels.twoModes(), SamplerSettings.builder().seed(seed).build());
      assertTrue(largestModeCount(r) >= 2, "diagnostics report the modes");
      errors += r.logEvidence() + 2 * Math.log(20);
      shares += shareOfSecondMode(r);
    }
    double k = 4 / Math.sqrt(SEEDS);
    assertEquals(0.0, errors / SEEDS, k * 0.057, "mean log Z error");
    assertEquals(0.2, shares / SEEDS, k * 0.0051, "mean weight of the second mode");
  }

  @Test
  void sameSeedTwiceIsBitIdenticalWithSeveralModes() {
    SamplerSettings settings = SamplerSettings.builder().seed(11).build();
    SamplerResult a = SequentialDriver.run(TestModels.twoModes(), settings);
    assertTrue(largestModeCount(a) >= 2);
    DeterminismTest.assertIdentical(a, SequentialDriver.run(TestModels.twoModes(), settings));
  }

  @Test
  void clusteringOffFitsOneMode() {
    SamplerResult r = SequentialDriver.run(TestModels.twoModes(),
        SamplerSettings.builder().seed(11).clustering(false).build());
    assertEquals(1, largestModeCount(r));
  }

  /** A unimodal target is fitted with one mode: the run is the one without clustering, bit for bit. */
  @Test
  void oneModeRunsAreUnchangedByClustering() {
    Model model = TestModels.gaussian(3, 0.5);
    SamplerSettings on = AskTellTest.SMALL;
    SamplerResult clustered = SequentialDriver.run(model, on);
    assertEquals(1, largestModeCount(clustered));
    DeterminismTest.assertIdentical(clustered, SequentialDriver.run(model, on.toBuilder().clustering(false).build()));
  }
}
