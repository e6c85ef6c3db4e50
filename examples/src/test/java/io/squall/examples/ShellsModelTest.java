package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellsModelTest {
  /** log of the peak density of one shell, (2π·0.1²)^(−1/2). */
  private static final double LOG_PEAK = -Math.log(0.1) - 0.5 * Math.log(2 * Math.PI);

  private static ShellsModel shells(Map<String, String> params) {
    return (ShellsModel) ExampleModels.create("shells", params);
  }

  @Test
  void onEitherShellTheLikelihoodIsThePeakDensity() {
    ShellsModel model = shells(Map.of());
    assertEquals(2, model.dimension());
    assertEquals(LOG_PEAK, model.logLikelihood(new double[] {5.5, 0}), 1e-12);
    assertEquals(LOG_PEAK, model.logLikelihood(new double[] {-3.5, 2}), 1e-12);
    assertEquals(LOG_PEAK, model.logLikelihood(new double[] {-1.5, 0}), 1e-12);
  }

  @Test
  void atTheOriginBothShellsContributeEqually() {
    // Distance 3.5 from both centres: exponent −(1.5)²/(2·0.01) = −112.5 each.
    assertEquals(Math.log(2) + LOG_PEAK - 112.5, shells(Map.of()).logLikelihood(new double[] {0, 0}), 1e-10);
  }

  @Test
  void farFromBothShellsTheLogLikelihoodStaysFinite() {
    // Distance 6.5 from (3.5, 0): exponent −4.5²/0.02 = −1012.5; the other shell is negligible.
    assertEquals(LOG_PEAK - 1012.5, shells(Map.of()).logLikelihood(new double[] {6, 6}), 1e-9);
  }

  @Test
  void higherDimensionsUseTheEuclideanDistance() {
    ShellsModel model = shells(Map.of("dim", "3", "radius", "1", "width", "0.5"));
    // |(4.5, 1, 1) − (3.5, 0, 0)| = √3; the other centre is at distance √66.
    double logPeak = -Math.log(0.5) - 0.5 * Math.log(2 * Math.PI);
    double near = -Math.pow(Math.sqrt(3) - 1, 2) / 0.5;
    double far = -Math.pow(Math.sqrt(66) - 1, 2) / 0.5;
    double expected = logPeak + Math.log(Math.exp(near) + Math.exp(far));
    assertEquals(expected, model.logLikelihood(new double[] {4.5, 1, 1}), 1e-12);
  }

  @Test
  void shells2KnownLogEvidence() {
    assertEquals(-1.7456, shells(Map.of()).knownLogEvidence().getAsDouble(), 5e-5);
  }

  @Test
  void shells2KnownLogEvidenceMatchesQuadratureOverTheBox() {
    // Direct 2-D quadrature over [−6, 6]², truncation included (it changes Z by ~1e−8); by
    // symmetry in x and in y, four times the quadrant [0, 6]².
    ShellsModel model = shells(Map.of());
    TensorQuadrature rule = TensorQuadrature.of(10, 300, 0, 6);
    double sum = 0.0;
    for (int i = 0; i < rule.size(); i++) {
      for (int j = 0; j < rule.size(); j++) {
        double[] theta = {rule.points[i], rule.points[j]};
        sum += rule.weights[i] * rule.weights[j] * Math.exp(model.logLikelihood(theta));
      }
    }
    double logZ = Math.log(4 * sum / 144);
    assertEquals(logZ, model.knownLogEvidence().getAsDouble(), 1e-6);
  }

  @Test
  void oneDimensionalShellsArePairsOfGaussians() {
    // Each "shell" is two Gaussians of unit mass at c ± r, so Z = 4 / 12 (mass beyond 0 is 2e−89).
    assertEquals(Math.log(1.0 / 3.0), shells(Map.of("dim", "1")).knownLogEvidence().getAsDouble(), 1e-12);
  }

  @Test
  void threeDimensionalEvidenceMatchesAnIndependentComputation() {
    // mpmath.quad of the radial integral over R³ at 30 digits: log Z = −2.84175728051628697.
    assertEquals(-2.84175728051628697, shells(Map.of("dim", "3")).knownLogEvidence().getAsDouble(), 1e-10);
  }

  @Test
  void evidenceIsUnknownWhenTheShellsLeaveTheBox() {
    assertFalse(shells(Map.of("radius", "2.4")).knownLogEvidence().isPresent());
  }
}
