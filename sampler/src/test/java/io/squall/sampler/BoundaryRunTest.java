package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Periodic and reflective coordinates in whole runs, on targets whose mass sits on the boundary.
 * Tolerances: with totalSamples 2048 the seed-to-seed spread of log Ẑ on such 2-D problems is
 * about 0.03–0.05 and of a posterior moment about 2 %; the bounds (0.25 in log Z, 0.1 in the
 * circular mean, 10 % in the std) are over 5 spreads, false-failure rate well below 1e-4.
 */
class BoundaryRunTest {
  private static final SamplerSettings SETTINGS = SamplerSettings.builder()
      .activeParticles(128).effectiveParticles(256).totalSamples(2048).seed(8)
      .kernel(Kernel.RANDOM_WALK).build();

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
    SamplerResult result = SequentialDriver.run(model, SETTINGS);
    double i0 = besselI0(kappa);
    assertEquals(Math.log(i0) + 0.5 * Math.log(2 * Math.PI) - Math.log(10), result.logEvidence(), 0.25);
    double sin = 0;
    double cos = 0;
    for (int i = 0; i < result.posterior().size(); i++) {
      sin += result.posterior().weight(i) * Math.sin(result.posterior().theta(i, 0));
      cos += result.posterior().weight(i) * Math.cos(result.posterior().theta(i, 0));
    }
    assertEquals(0.0, Math.atan2(sin, cos), 0.1, "circular mean at the wrap point");
  }

  /** A half-normal against the wall: θ ~ U(0, 10)², L = exp(−|θ|²/2), Z = (√(π/2)/10)². */
  @Test
  void reflectiveCoordinateFoldsAtTheWall() {
    Prior prior = Prior.of(Coordinate.uniform("a", 0, 10).reflective(), Coordinate.uniform("b", 0, 10).reflective());
    Model model = Model.of(prior, t -> -0.5 * (t[0] * t[0] + t[1] * t[1]));
    SamplerResult result = SequentialDriver.run(model, SETTINGS);
    assertEquals(2 * Math.log(Math.sqrt(Math.PI / 2) / 10), result.logEvidence(), 0.25);
    // half-normal std = sqrt(1 - 2/pi)
    assertEquals(Math.sqrt(1 - 2 / Math.PI), result.posteriorStd()[0], 0.1 * Math.sqrt(1 - 2 / Math.PI));
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
