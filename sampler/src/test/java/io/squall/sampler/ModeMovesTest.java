package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The moves of walkers with several modes keep the target exactly: walkers started from exact
 * draws of a two-mode target (weights 0.7 / 0.3) still have mode B's share 0.3 after 20 steps,
 * although the fitted mixture is deliberately off (wrong weights, one component far too broad).
 * Moving each walker with its own mode's pCN kernel alone — no confinement, no jumps — does not:
 * each kernel keeps the target invariant, but the flows between modes do not balance.
 *
 * <p>With n = 20,000 walkers the share starts within ±0.013 (4σ of a binomial) of 0.3. Over seeds
 * 1–6 the exact moves changed it by −0.005…+0.002 (sd 0.003; allowed: 0.012), the naive ones by
 * +0.029…+0.035 (required: more than 0.02).
 */
class ModeMovesTest {
  static final int N = 20_000;
  static final double SD = 0.04;
  static final double[][] CENTRES = {{0.3, 0.5}, {0.7, 0.5}};

  static double logTarget(double[] u) {
    double[] terms = new double[2];
    for (int k = 0; k < 2; k++) {
      double dx = u[0] - CENTRES[k][0];
      double dy = u[1] - CENTRES[k][1];
      terms[k] = Math.log(k == 0 ? 0.7 : 0.3) - (dx * dx + dy * dy) / (2 * SD * SD);
    }
    return LogMath.logSumExp(terms);
  }

  /** A deliberately poor fit: equal weights, component A four times too wide, B too narrow. */
  static final GaussianMixture FIT = GaussianMixture.of(new double[] {1, 1}, new Mode[] {
      Mode.of(new double[] {0.32, 0.5}, new double[][] {{0.16 * 0.16, 0}, {0, 0.16 * 0.16}}),
      Mode.of(new double[] {0.69, 0.51}, new double[][] {{0.03 * 0.03, 0}, {0, 0.03 * 0.03}})});

  static double shareOfB(double[][] walkers) {
    return Arrays.stream(walkers).filter(u -> u[0] > 0.5).count() / (double) walkers.length;
  }

  /** Runs 20 steps from exact draws; returns mode B's share at the start and at the end. */
  static double[] run(long seed, boolean exact) {
    UniformRandomProvider rng = RandomStreams.create(seed, RandomStreams.Purpose.PRIOR);
    ContinuousSampler normals = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] walkers = new double[N][];
    double[] logLikelihoods = new double[N];
    int[] modes = new int[N];
    Proposal proposal = new Proposal(FIT, new int[0]);
    for (int i = 0; i < N; i++) {
      int k = rng.nextDouble() < 0.7 ? 0 : 1;
      walkers[i] = new double[] {CENTRES[k][0] + SD * normals.sample(), CENTRES[k][1] + SD * normals.sample()};
      logLikelihoods[i] = logTarget(walkers[i]);
      modes[i] = exact ? proposal.drawMode(walkers[i], rng) : FIT.mostResponsible(walkers[i]);
    }
    double start = shareOfB(walkers);
    double[] stepSizes = {0.9, 0.9};
    Boundary[] walls = {Boundary.NONE, Boundary.NONE};
    MoveKernel pcn = MoveKernel.of(Kernel.PCN);
    Mutation mutation = exact
        ? new Mutation(pcn, FIT, stepSizes, walls, 1.0, 20, walkers, logLikelihoods, modes)
        : new Mutation(pcn, FIT.components(), stepSizes, walls, 1.0, 20, walkers, logLikelihoods, modes);
    while (!mutation.isDone()) {
      double[][] batch = mutation.propose(normals, rng);
      double[] values = Arrays.stream(batch).mapToDouble(ModeMovesTest::logTarget).toArray();
      mutation.accept(values, rng);
    }
    return new double[] {start, shareOfB(mutation.walkers())};
  }

  @Test
  void confinedMovesAndJumpsKeepTheModesShares() {
    for (long seed = 1; seed <= 2; seed++) {
      double[] share = run(seed, true);
      assertEquals(0.3, share[0], 0.013, "start");
      assertEquals(share[0], share[1], 0.012, "after 20 steps: " + Arrays.toString(share));
    }
  }

  @Test
  void perModeKernelsAloneShiftTheShares() {
    for (long seed = 1; seed <= 2; seed++) {
      double[] share = run(seed, false);
      assertTrue(share[1] - share[0] > 0.02, "naive per-mode moves: " + Arrays.toString(share));
    }
  }
}
