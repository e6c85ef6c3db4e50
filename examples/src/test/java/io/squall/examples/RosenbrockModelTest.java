package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosenbrockModelTest {
  private static RosenbrockModel rosenbrock(Map<String, String> params) {
    return (RosenbrockModel) ExampleModels.create("rosenbrock", params);
  }

  @Test
  void logLikelihoodAtHandCheckedPoints() {
    RosenbrockModel model = rosenbrock(Map.of());
    assertEquals(10, model.dimension());
    double[] ones = new double[10];
    Arrays.fill(ones, 1.0);
    assertEquals(0.0, model.logLikelihood(ones));
    assertEquals(-5.0, model.logLikelihood(new double[10])); // (0 − 1)² per pair
    double[] point = ones.clone();
    point[0] = 2; // 10·(4 − 3)² + (2 − 1)² = 11
    point[1] = 3;
    point[8] = -1; // 10·(1 − 0)² + (−2)² = 14
    point[9] = 0;
    assertEquals(-25.0, model.logLikelihood(point), 1e-12);
  }

  @Test
  void pairsAreIndependent() {
    RosenbrockModel pair = rosenbrock(Map.of("dim", "2"));
    RosenbrockModel four = rosenbrock(Map.of("dim", "4"));
    assertEquals(pair.logLikelihood(new double[] {0.3, -2}) + pair.logLikelihood(new double[] {-1.5, 4}),
        four.logLikelihood(new double[] {0.3, -2, -1.5, 4}), 1e-12);
    assertEquals(5 * pair.knownLogEvidence().getAsDouble(),
        rosenbrock(Map.of()).knownLogEvidence().getAsDouble(), 1e-12);
  }

  @Test
  void rosenbrock10KnownLogEvidence() {
    assertEquals(-29.9958, rosenbrock(Map.of()).knownLogEvidence().getAsDouble(), 5e-5);
  }

  @Test
  void pairEvidenceMatchesTwoDimensionalQuadratureOverTheBox() {
    // Direct quadrature of exp(log L) over [−10, 10]², the box edge included.
    RosenbrockModel pair = rosenbrock(Map.of("dim", "2"));
    TensorQuadrature rule = TensorQuadrature.of(10, 400, -10, 10);
    double sum = 0.0;
    for (int i = 0; i < rule.size(); i++) {
      for (int j = 0; j < rule.size(); j++) {
        double[] theta = {rule.points[i], rule.points[j]};
        sum += rule.weights[i] * rule.weights[j] * Math.exp(pair.logLikelihood(theta));
      }
    }
    assertEquals(Math.log(sum / 400), pair.knownLogEvidence().getAsDouble(), 1e-9);
  }

  @Test
  void theTruncationAtTheBoxEdgeIsAccountedFor() {
    // Without the box, one pair integrates to π/√10 = 0.993459 instead of 0.992336, so log Z would
    // be 5·ln(π/(400√10)) = −29.99014, higher by 5·ln(0.993459/0.992336) = 0.00565.
    double untruncated = 5 * Math.log(Math.PI / (400 * Math.sqrt(10)));
    double logZ = rosenbrock(Map.of()).knownLogEvidence().getAsDouble();
    assertEquals(-0.00565, logZ - untruncated, 1e-5);
  }
}
