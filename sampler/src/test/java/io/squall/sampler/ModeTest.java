package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModeTest {
  @Test
  void weightedMeanAndCovarianceByHand() {
    Pool pool = new Pool(1);
    pool.add(0.0, 0.0, new double[][] {{0.0}, {1.0}}, new double[] {0, 0}, new int[] {-1, -1});
    // weights 1/4, 3/4: mean 0.75; reliability-weighted variance
    // Σw(x-μ)² / (1 - Σw²) = (0.25·0.5625 + 0.75·0.0625) / (1 - 0.625) = 0.1875/0.375 = 0.5
    Mode mode = Mode.fit(pool, new int[] {0, 1}, new double[] {0.25, 0.75});
    assertEquals(0.75, mode.mean(0), 1e-15);
    assertEquals(Math.sqrt(0.5), mode.cholesky()[0][0], 1e-12);
    assertEquals(0.25 * 0.25 / 0.5, mode.mahalanobis2(new double[] {1.0}), 1e-12);
  }

  @Test
  void singularCovarianceGetsJitter() {
    Pool pool = new Pool(2);
    pool.add(0.0, 0.0, new double[][] {{0.5, 0.5}, {0.5, 0.5}}, new double[] {0, 0}, new int[] {-1, -1});
    Mode mode = Mode.fit(pool, new int[] {0, 1}, new double[] {0.5, 0.5});
    double[][] l = mode.cholesky();
    assertEquals(true, l[0][0] > 0 && l[1][1] > 0);
  }

  @Test
  void trimmingKeepsTheHeaviestMass() {
    int[] kept = Trainer.trimmed(new double[] {0.0005, 0.6, 0.0004, 0.3991}, 0.999);
    assertEquals(2, kept.length);
    assertEquals(1, kept[0]);
    assertEquals(3, kept[1]);
  }
}
