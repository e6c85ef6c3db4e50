package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Periodic and reflective coordinates in whole runs, on targets whose mass sits on the boundary.
 *
 * <p>Tolerances from the measured spread: over the 20 seeds 1–20 with these settings one run's
 * log Ẑ error had sd 0.105 (periodic) and 0.184 (reflective), the circular mean sd 0.015 and the
 * reflective posterior std sd 0.014 (means −0.008, −0.035, 0.002, truth + 0.004: no bias). Each
 * test averages {@value #SEEDS} seeds and allows 4 standard errors (4·sd/√{@value #SEEDS}):
 * two-sided false-failure rate 6·10⁻⁵ per quantity for a normal estimator.
 */
class BoundaryRunTest {
  private static final int SEEDS = 4;
  private static final double K = 4 / Math.sqrt(SEEDS);

  private static SamplerResult run(Model model, int seed) {
    return SequentialDriver.run(model, SamplerSettings.builder()
        .activeParticles(128).effectiveParticles(256).totalSamples(2048).seed(seed)
        .kernel(Kernel.RANDOM_WALK).build());
  }

  /**
   * θ₀ ∈ [0, 2π) periodic with a von Mises likelihood exp(κ cos θ₀) peaked at the wrap point 0,
   * θ₁ ~ U(−5, 5) with a standard normal likelihood: Z = I₀(κ) · √(2π)/10 (I₀ the modified Bessel
   * function; the prior density 1/2π cancels the 2π of the von Mises integral).
   */
  @Test
  void periodicCoordinateWrapsAroundTheMode() {
    double kappa = 4.0;
    Prior prior = Prior.of(Coordinate.uniform("phase", 0, 2 * Math.PI).periodic(), Coordinate.uniform("y", -5, 5));
    Model model = Model.of(prior, t -> kappa * Math.cos(t[0]) - 0.5 * t[1] * t[1]);
    double truth = Math.log(besselI0(kappa)) + 0.5 * Math.log(2 * Math.PI) - Math.log(10);
    double error = 0;
    double circularMean = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      SamplerResult result = run(model, seed);
      error += (result.logEvidence() - truth) / SEEDS;
      double sin = 0;
      double cos = 0;
      for (int i = 0; i < result.posterior().size(); i++) {
        sin += result.posterior().weight(i) * Math.sin(result.posterior().theta(i, 0));
        cos += result.posterior().weight(i) * Math.cos(result.posterior().theta(i, 0));
      }
      circularMean += Math.atan2(sin, cos) / SEEDS;
    }
    assertEquals(0.0, error, K * 0.105, "mean log Z error");
    assertEquals(0.0, circularMean, K * 0.015, "circular mean at the wrap point");
  }

  /** A half-normal against the wall: θ ~ U(0, 10)², L = exp(−|θ|²/2), Z = (√(π/2)/10)². */
  @Test
  void reflectiveCoordinateFoldsAtTheWall() {
    Prior prior = Prior.of(Coordinate.uniform("a", 0, 10).reflective(), Coordinate.uniform("b", 0, 10).reflective());
    Model model = Model.of(prior, t -> -0.5 * (t[0] * t[0] + t[1] * t[1]));
    double error = 0;
    double std = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      SamplerResult result = run(model, seed);
      error += (result.logEvidence() - 2 * Math.log(Math.sqrt(Math.PI / 2) / 10)) / SEEDS;
      std += result.posteriorStd()[0] / SEEDS;
    }
    assertEquals(0.0, error, K * 0.184, "mean log Z error");
    // half-normal std = sqrt(1 - 2/pi)
    assertEquals(Math.sqrt(1 - 2 / Math.PI), std, K * 0.014, "posterior std");
  }

  /** I₀(x) by its power series Σ (x/2)^{2k}/(k!)². */
  private static double besselI0(double x) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < 60; k++) {
      term *= (x / 2) * (x / 2) / ((double) k * k);
      sum += term;
    }
    return sum;
  }

}
