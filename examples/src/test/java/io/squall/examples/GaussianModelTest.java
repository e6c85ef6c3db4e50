package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Model;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

class GaussianModelTest {
  private static final double LN_2PI = Math.log(2 * Math.PI);

  private static GaussianModel gaussian(Map<String, String> params) {
    return (GaussianModel) ExampleModels.create("gaussian", params);
  }

  @Test
  void defaultsAreTenDimensionsInTheBoxOfHalfWidthTen() {
    GaussianModel model = gaussian(Map.of());
    assertEquals(10, model.dimension());
    assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"), model.parameterNames());
    double[] theta = model.theta(new double[] {0, 0.5, 1, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75});
    assertEquals(-10.0, theta[0]);
    assertEquals(0.0, theta[1]);
    assertEquals(10.0, theta[2]);
    assertEquals(-5.0, theta[3]);
    assertEquals(5.0, theta[9]);
  }

  @Test
  void standardNormalAtHandCheckedPoints() {
    GaussianModel model = gaussian(Map.of());
    double[] origin = new double[10];
    double[] offset = new double[10];
    offset[3] = 1.0;
    offset[7] = -2.0;
    assertEquals(-5 * LN_2PI, model.logLikelihood(origin), 1e-12);
    assertEquals(-5 * LN_2PI - 2.5, model.logLikelihood(offset), 1e-12);
  }

  @Test
  void sigmaScalesTheDensity() {
    GaussianModel model = gaussian(Map.of("dim", "2", "sigma", "2"));
    // −ln(2π) − 2·ln 2 − ½·(2² + 0)/2²
    assertEquals(-LN_2PI - 2 * Math.log(2) - 0.5, model.logLikelihood(new double[] {2, 0}), 1e-12);
  }

  @Test
  void correlatedPairAtHandCheckedPoint() {
    GaussianModel model = gaussian(Map.of("dim", "2", "correlation", "0.5"));
    // Σ = [[1, .5], [.5, 1]], det Σ = 3/4, (1,1) Σ⁻¹ (1,1)ᵀ = (1 − .5 − .5 + 1)/(3/4) = 4/3.
    double expected = -LN_2PI - 0.5 * Math.log(0.75) - 0.5 * 4.0 / 3.0;
    assertEquals(expected, model.logLikelihood(new double[] {1, 1}), 1e-12);
  }

  @Test
  void agreesWithCommonsMathDensityForPositiveAndNegativeCorrelation() {
    for (double rho : new double[] {0.3, -0.4, 0.95}) {
      int d = 3;
      double sigma = 1.7;
      double[][] covariance = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          covariance[i][j] = (i == j ? 1.0 : rho) * sigma * sigma;
        }
      }
      MultivariateNormalDistribution reference = new MultivariateNormalDistribution(new double[d], covariance);
      GaussianModel model = gaussian(Map.of("dim", "3", "sigma", "1.7", "correlation", Double.toString(rho)));
      Random random = new Random(7);
      for (int k = 0; k < 20; k++) {
        double[] theta = {3 * random.nextGaussian(), 3 * random.nextGaussian(), 3 * random.nextGaussian()};
        assertEquals(Math.log(reference.density(theta)), model.logLikelihood(theta), 1e-10, "rho " + rho);
      }
    }
  }

  @Test
  void batchEvaluationMatchesPointwise() {
    GaussianModel model = gaussian(Map.of("dim", "4", "correlation", "0.2"));
    double[][] thetas = {{0, 0, 0, 0}, {1, -1, 2, 0.5}, {9, 9, -9, 3}};
    double[] batch = model.logLikelihoods(thetas);
    for (int i = 0; i < thetas.length; i++) {
      assertEquals(model.logLikelihood(thetas[i]), batch[i]);
    }
  }

  @Test
  void gauss10KnownLogEvidence() {
    double logZ = gaussian(Map.of()).knownLogEvidence().getAsDouble();
    assertEquals(-29.9573, logZ, 5e-5);
    assertEquals(-10 * Math.log(20), logZ, 1e-12);
  }

  @Test
  void corr20KnownLogEvidence() {
    double logZ = gaussian(Map.of("dim", "20", "correlation", "0.9")).knownLogEvidence().getAsDouble();
    assertEquals(-59.9146, logZ, 5e-5);
    assertEquals(-20 * Math.log(20), logZ, 1e-10);
  }

  @Test
  void uncorrelatedBoxMassIsExact() {
    // erf(1/√2) = P(|N(0,1)| ≤ 1) = 0.6826894921370859.
    double logZ = gaussian(Map.of("dim", "3", "half-width", "1")).knownLogEvidence().getAsDouble();
    assertEquals(3 * Math.log(0.6826894921370859) - 3 * Math.log(2), logZ, 1e-13);
  }

  @Test
  void correlatedBoxMassMatchesTwoDimensionalQuadrature() {
    double hw = 1.0;
    double rho = 0.5;
    GaussianModel model = gaussian(Map.of("dim", "2", "correlation", "0.5", "half-width", "1"));
    TensorQuadrature rule = TensorQuadrature.of(20, 4, -hw, hw);
    double mass = 0.0;
    for (int i = 0; i < rule.size(); i++) {
      for (int j = 0; j < rule.size(); j++) {
        double x = rule.points[i];
        double y = rule.points[j];
        double q = (x * x - 2 * rho * x * y + y * y) / (1 - rho * rho);
        mass += rule.weights[i] * rule.weights[j] * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(1 - rho * rho));
      }
    }
    assertEquals(Math.log(mass) - 2 * Math.log(2 * hw), model.knownLogEvidence().getAsDouble(), 1e-10);
  }

  @Test
  void correlatedBoxMassMatchesThreeDimensionalQuadrature() {
    Map<String, String> params = Map.of("dim", "3", "sigma", "1.2", "correlation", "0.7", "half-width", "1.5");
    GaussianModel model = gaussian(params);
    TensorQuadrature rule = TensorQuadrature.of(20, 3, -1.5, 1.5);
    double mass = 0.0;
    for (int i = 0; i < rule.size(); i++) {
      for (int j = 0; j < rule.size(); j++) {
        for (int k = 0; k < rule.size(); k++) {
          double[] theta = {rule.points[i], rule.points[j], rule.points[k]};
          mass += rule.weights[i] * rule.weights[j] * rule.weights[k] * Math.exp(model.logLikelihood(theta));
        }
      }
    }
    assertEquals(Math.log(mass) - 3 * Math.log(3.0), model.knownLogEvidence().getAsDouble(), 1e-10);
  }

  @Test
  void oneFactorBoxMassTendsToTheIndependentOneAsCorrelationVanishes() {
    // A box of ±2σ in 50 dimensions: log P_box = 50·ln erf(√2) = −2.3 is far from negligible.
    Map<String, String> independent = Map.of("dim", "50", "sigma", "5");
    Map<String, String> weak = Map.of("dim", "50", "sigma", "5", "correlation", "1e-9");
    double expected = 50 * Math.log(0.9544997361036416) - 50 * Math.log(20);
    assertEquals(expected, gaussian(independent).knownLogEvidence().getAsDouble(), 1e-12);
    assertEquals(expected, gaussian(weak).knownLogEvidence().getAsDouble(), 1e-8);
  }

  @Test
  void negativeCorrelationNeglectsOnlyAProvablyNegligibleMass() {
    GaussianModel wide = gaussian(Map.of("dim", "5", "correlation", "-0.2"));
    assertEquals(-5 * Math.log(20), wide.knownLogEvidence().getAsDouble(), 1e-12);
    GaussianModel narrow = gaussian(Map.of("dim", "5", "correlation", "-0.2", "half-width", "2"));
    assertFalse(narrow.knownLogEvidence().isPresent());
  }

  @Test
  void oneDimensionIgnoresCorrelation() {
    Model model = ExampleModels.create("gaussian", Map.of("dim", "1", "correlation", "-0.9"));
    assertEquals(-0.5 * LN_2PI, model.logLikelihoods(new double[][] {{0}})[0], 1e-12);
  }

  @Test
  void wrongNumberOfCoordinatesIsRefused() {
    GaussianModel model = gaussian(Map.of("dim", "3"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> model.logLikelihoods(new double[][] {{1, 2}}));
    assertTrue(e.getMessage().contains("3 parameters"), e.getMessage());
  }
}
