package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BetaSolverTest {
  private static Pool priorPool(double... logLikelihoods) {
    int n = logLikelihoods.length;
    double[][] points = new double[n][1];
    int[] parents = new int[n];
    java.util.Arrays.fill(parents, -1);
    Pool pool = new Pool(1);
    pool.add(0.0, 0.0, points, logLikelihoods, parents);
    return pool;
  }

  /**
   * Two particles with ℓ = 0 and ℓ = −2: ESS(β) = (1 + r)²/(1 + r²), r = e^{−2β}. ESS = 1.5 gives
   * r² − 4r + 1 = 0, r = 2 − √3, β = −ln(2 − √3)/2 = 0.658478948...
   */
  @Test
  void bisectionFindsHandSolvedBeta() {
    Pool pool = priorPool(0.0, -2.0);
    double expected = -Math.log(2 - Math.sqrt(3)) / 2;
    assertEquals(expected, BetaSolver.next(pool, 0.0, 1.5), 1e-8);
    assertEquals(1.5, pool.effectiveSampleSize(BetaSolver.next(pool, 0.0, 1.5)), 1e-7);
  }

  @Test
  void staysWhenEssAlreadyAtOrBelowTarget() {
    Pool pool = priorPool(0.0, -2.0);
    double beta = 0.7; // ESS(0.7) < 1.5
    assertEquals(beta, BetaSolver.next(pool, beta, 1.5));
  }

  @Test
  void jumpsToOneWhenEssAtOneIsEnough() {
    Pool pool = priorPool(0.0, -0.01, -0.02);
    assertEquals(1.0, BetaSolver.next(pool, 0.0, 2.0));
  }

  @Test
  void largePoolHitsTarget() {
    double[] ell = new double[1000];
    for (int i = 0; i < ell.length; i++) {
      ell[i] = -0.05 * i;
    }
    Pool pool = priorPool(ell);
    double beta = BetaSolver.next(pool, 0.0, 300);
    assertEquals(300, pool.effectiveSampleSize(beta), 1e-3);
  }
}
