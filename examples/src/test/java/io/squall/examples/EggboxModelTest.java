package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EggboxModelTest {
  private static final double PI = Math.PI;

  private static EggboxModel eggbox() {
    return (EggboxModel) ExampleModels.create("eggbox", Map.of());
  }

  @Test
  void logLikelihoodAtHandCheckedPoints() {
    EggboxModel model = eggbox();
    assertEquals(243.0, model.logLikelihood(new double[] {0, 0}), 1e-12); // 3^5
    assertEquals(243.0, model.logLikelihood(new double[] {2 * PI, 2 * PI}), 1e-12); // (−1)(−1)
    assertEquals(243.0, model.logLikelihood(new double[] {4 * PI, 8 * PI}), 1e-10);
    assertEquals(1.0, model.logLikelihood(new double[] {2 * PI, 0}), 1e-12); // (2 − 1)^5
    assertEquals(32.0, model.logLikelihood(new double[] {PI, PI}), 1e-12); // cos(π/2) = 0
  }

  @Test
  void priorIsTheBoxZeroToTenPi() {
    EggboxModel model = eggbox();
    assertEquals(2, model.dimension());
    double[] theta = model.theta(new double[] {0, 1});
    assertEquals(0.0, theta[0]);
    assertEquals(10 * PI, theta[1], 1e-12);
  }

  @Test
  void eggbox2KnownLogEvidence() {
    assertEquals(235.856, eggbox().knownLogEvidence().getAsDouble(), 5e-4);
  }

  @Test
  void knownLogEvidenceMatchesQuadrature() {
    // Tensor Gauss–Legendre, 10 nodes on 200 sub-intervals per axis (peaks have width ~0.1,
    // sub-intervals 0.16); L is summed relative to its maximum e^243.
    TensorQuadrature rule = TensorQuadrature.of(10, 200, 0, 10 * PI);
    double[] cosines = new double[rule.size()];
    for (int i = 0; i < rule.size(); i++) {
      cosines[i] = Math.cos(rule.points[i] / 2);
    }
    double sum = 0.0;
    for (int i = 0; i < rule.size(); i++) {
      double row = 0.0;
      for (int j = 0; j < rule.size(); j++) {
        row += rule.weights[j] * Math.exp(Math.pow(2 + cosines[i] * cosines[j], 5) - 243);
      }
      sum += rule.weights[i] * row;
    }
    double logZ = 243 + Math.log(sum) - 2 * Math.log(10 * PI);
    assertEquals(logZ, eggbox().knownLogEvidence().getAsDouble(), 1e-9);
  }
}
