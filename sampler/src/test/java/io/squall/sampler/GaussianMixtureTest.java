package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
  static final GaussianMixture TWO = GaussianMixture.of(new double[] {3, 1}, new Mode[] {
      Mode.of(new double[] {0.3}, new double[][] {{0.01}}),
      Mode.of(new double[] {0.6}, new double[][] {{0.04}})});

  static double normal(double x, double mean, double variance) {
    return Math.exp(-0.5 * (x - mean) * (x - mean) / variance) / Math.sqrt(2 * Math.PI * variance);
  }

  @Test
  void densityAndResponsibilitiesByHand() {
    double x = 0.45;
    double a = 0.75 * normal(x, 0.3, 0.01);
    double b = 0.25 * normal(x, 0.6, 0.04);
    assertEquals(Math.log(a + b), TWO.logDensity(new double[] {x}), 1e-12);
    double[] r = TWO.responsibilities(new double[] {x});
    assertEquals(a / (a + b), r[0], 1e-12);
    assertEquals(1.0, r[0] + r[1], 1e-15);
    assertEquals(Math.log(b / (a + b)), TWO.logResponsibility(1, new double[] {x}), 1e-12);
    assertEquals(0, TWO.mostResponsible(new double[] {0.3}));
    assertEquals(1, TWO.mostResponsible(new double[] {0.9}));
  }

  @Test
  void modeLogDensityByHand() {
    Mode mode = Mode.of(new double[] {1, 2}, new double[][] {{4, 1}, {1, 2}});
    double det = 4 * 2 - 1;
    double[] u = {2, 1};
    // (u − μ)ᵀ C⁻¹ (u − μ) with C⁻¹ = [[2, −1], [−1, 4]] / 7 and u − μ = (1, −1): (2 + 2 + 4) / 7.
    double maha = 8.0 / 7;
    assertEquals(-0.5 * (2 * Math.log(2 * Math.PI) + Math.log(det) + maha), mode.logDensity(u), 1e-12);
    assertEquals(Math.log(det), mode.logDeterminant(), 1e-12);
  }

  @Test
  void weightsMustBePositive() {
    Mode m = Mode.of(new double[] {0}, new double[][] {{1}});
    assertThrows(IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1, 0}, new Mode[] {m, m}));
    assertThrows(IllegalArgumentException.class, () -> GaussianMixture.of(new double[] {1}, new Mode[] {m, m}));
  }

  @Test
  void labelsMustIndexExistingModes() {
    assertThrows(IllegalArgumentException.class, () -> new Proposal(TWO, new int[] {0, 2}));
    assertThrows(IllegalArgumentException.class, () -> new Proposal(TWO, new int[] {-2}));
    assertEquals(-1, new Proposal(TWO, new int[] {1, -1}).label(1));
  }

  /** drawMode picks mode m with probability rₘ(u): frequencies over 40,000 draws. */
  @Test
  void drawnModesFollowTheResponsibilities() {
    Proposal proposal = new Proposal(TWO, new int[0]);
    UniformRandomProvider rng = RandomStreams.create(1, RandomStreams.Purpose.CLUSTER);
    double[] u = {0.45};
    int n = 40_000;
    int ones = 0;
    for (int i = 0; i < n; i++) {
      ones += proposal.drawMode(u, rng);
    }
    double p = TWO.responsibilities(u)[1];
    assertEquals(p, ones / (double) n, 4 * Math.sqrt(p * (1 - p) / n));
  }
}
