package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The persistent weights of a tiny three-iteration pool, worked by hand from
 * q_s = Σ_t (n_t/N)·exp(β_t ℓ_s − ζ_t), w_s(β) = exp(βℓ_s)/q_s, Ẑ(β) = (1/N)Σ_s w_s.
 */
class PoolTest {
  private static final int[] NO_PARENTS_2 = {-1, -1};

  @Test
  void threeIterationPoolWeightsMatchHandComputation() {
    Pool pool = new Pool(1);
    // iteration 0: beta 0, zeta 0, two prior draws with log L = -1, -2
    pool.add(0.0, 0.0, new double[][] {{0.1}, {0.2}}, new double[] {-1, -2}, NO_PARENTS_2);
    // Z(0.5) = (e^-0.5 + e^-1)/2 from the two prior draws (q = 1 for both)
    double z1 = (Math.exp(-0.5) + Math.exp(-1.0)) / 2;
    assertEquals(Math.log(z1), pool.logEvidence(0.5), 1e-14);

    // iteration 1: beta 0.5, zeta_1 = log z1, one particle log L = -0.5
    pool.add(0.5, Math.log(z1), new double[][] {{0.3}}, new double[] {-0.5}, new int[] {0});
    double[] ell = {-1, -2, -0.5};
    // N = 3: q_s = (2/3)·1 + (1/3)·e^{0.5 ℓ}/z1
    double[] q = new double[3];
    for (int s = 0; s < 3; s++) {
      q[s] = 2.0 / 3 + Math.exp(0.5 * ell[s]) / z1 / 3;
    }
    double z2 = (Math.exp(ell[0]) / q[0] + Math.exp(ell[1]) / q[1] + Math.exp(ell[2]) / q[2]) / 3;
    assertEquals(Math.log(z2), pool.logEvidence(1.0), 1e-14);

    // iteration 2: beta 1, zeta_2 = log z2, one particle log L = -0.1
    pool.add(1.0, Math.log(z2), new double[][] {{0.4}}, new double[] {-0.1}, new int[] {2});
    double[] ell4 = {-1, -2, -0.5, -0.1};
    double[] w = new double[4];
    double sum = 0;
    double sumSq = 0;
    for (int s = 0; s < 4; s++) {
      double qs = 2.0 / 4 + Math.exp(0.5 * ell4[s]) / z1 / 4 + Math.exp(ell4[s]) / z2 / 4;
      w[s] = Math.exp(ell4[s]) / qs;
      sum += w[s];
      sumSq += w[s] * w[s];
    }
    assertEquals(Math.log(sum / 4), pool.logEvidence(1.0), 1e-14);
    assertEquals(sum * sum / sumSq, pool.effectiveSampleSize(1.0), 1e-12);
    double[] normalised = LogMath.normalise(pool.logWeights(1.0), 4);
    for (int s = 0; s < 4; s++) {
      assertEquals(w[s] / sum, normalised[s], 1e-14, "weight of particle " + s);
    }
    assertEquals(3, pool.iterationCount());
    assertEquals(2, pool.parentOf(3));
    assertEquals(2, pool.iterationOf(3));
    assertEquals(-1, pool.parentOf(0));
  }

  @Test
  void priorOnlyPoolHasUnitEvidenceAtBetaZero() {
    Pool pool = new Pool(1);
    pool.add(0.0, 0.0, new double[][] {{0.1}, {0.2}}, new double[] {-1, Double.NEGATIVE_INFINITY}, NO_PARENTS_2);
    assertEquals(0.0, pool.logEvidence(0.0), 1e-15);
    assertEquals(2.0, pool.effectiveSampleSize(0.0), 1e-12);
    // a zero-likelihood particle has zero weight at beta > 0
    assertEquals(1.0, pool.effectiveSampleSize(0.3), 1e-12);
    assertEquals(Math.log(Math.exp(-0.3) / 2), pool.logEvidence(0.3), 1e-14);
  }
}
