package io.squall.sampler;

import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The "mutate" step of one iteration: n walkers moved in lock-step by MCMC targeting
 * π_β(u) ∝ L(θ(u))^β on the unit cube. Each step proposes one move per walker; the moves that stay
 * in the cube form one batch of likelihood evaluations, the others are rejected without a call.
 *
 * <p>The step size σ adapts after every step by Robbins–Monro toward acceptance 0.234:
 * log σ ← log σ + (ā_k − 0.234)/(k + 1)^0.75, capped at the kernel's maximum.
 */
final class Mutation {
  static final double TARGET_ACCEPTANCE = 0.234;

  private final MoveKernel kernel;
  private final Mode[] modes;
  private final double[] stepSizes;
  private final Boundary[] boundaries;
  private final double beta;
  private final int steps;
  private final double[][] walkers;
  private final double[] walkerLogLikelihoods;
  private final int[] walkerModes;
  private int step;
  private double acceptedTotal;
  private long proposedTotal;
  private double[][] proposals;
  private double[] corrections;
  private int[] batchIndex;

  Mutation(MoveKernel kernel, Mode[] modes, double[] stepSizes, Boundary[] boundaries, double beta,
      int steps, double[][] walkers, double[] walkerLogLikelihoods, int[] walkerModes) {
    this.kernel = kernel;
    this.modes = modes;
    this.stepSizes = stepSizes;
    this.boundaries = boundaries;
    this.beta = beta;
    this.steps = steps;
    this.walkers = walkers;
    this.walkerLogLikelihoods = walkerLogLikelihoods;
    this.walkerModes = walkerModes;
  }

  boolean isDone() {
    return step >= steps;
  }

  int steps() {
    return steps;
  }

  int currentStep() {
    return step;
  }

  /**
   * Proposes one move per walker and returns the proposals that need a likelihood call (possibly
   * none). Draws d normals per walker from {@code normals}, in walker order.
   */
  double[][] propose(ContinuousSampler normals) {
    int n = walkers.length;
    int d = walkers[0].length;
    proposals = new double[n][];
    corrections = new double[n];
    batchIndex = new int[n];
    int inCube = 0;
    for (int i = 0; i < n; i++) {
      double[] z = new double[d];
      for (int j = 0; j < d; j++) {
        z[j] = normals.sample();
      }
      Mode mode = modes[walkerModes[i]];
      double[] proposal = applyBoundaries(kernel.propose(walkers[i], mode, stepSizes[walkerModes[i]], z));
      batchIndex[i] = -1;
      if (proposal != null) {
        proposals[i] = proposal;
        corrections[i] = kernel.logCorrection(walkers[i], proposal, mode);
        batchIndex[i] = inCube++;
      }
    }
    double[][] batch = new double[inCube][];
    for (int i = 0; i < n; i++) {
      if (batchIndex[i] >= 0) {
        batch[batchIndex[i]] = proposals[i];
      }
    }
    return batch;
  }

  private double[] applyBoundaries(double[] u) {
    for (int j = 0; j < u.length; j++) {
      u[j] = boundaries[j].map(u[j]);
      if (Double.isNaN(u[j])) {
        return null;
      }
    }
    return u;
  }

  /**
   * Accepts or rejects every walker's proposal given the log-likelihoods of the batch returned by
   * {@link #propose}; draws one uniform per walker from {@code uniforms}, in walker order, then
   * adapts the step sizes.
   */
  void accept(double[] batchLogLikelihoods, UniformRandomProvider uniforms) {
    int n = walkers.length;
    double[] acceptedPerMode = new double[modes.length];
    int[] countPerMode = new int[modes.length];
    for (int i = 0; i < n; i++) {
      double logU = FastMath.log(uniforms.nextDouble());
      countPerMode[walkerModes[i]]++;
      if (batchIndex[i] < 0) {
        continue;
      }
      double proposed = batchLogLikelihoods[batchIndex[i]];
      double logAlpha = logAcceptance(walkerLogLikelihoods[i], proposed, corrections[i]);
      if (logU < logAlpha) {
        walkers[i] = proposals[i];
        walkerLogLikelihoods[i] = proposed;
        acceptedPerMode[walkerModes[i]]++;
      }
    }
    adapt(acceptedPerMode, countPerMode);
    proposedTotal += n;
    step++;
    proposals = null;
  }

  private double logAcceptance(double current, double proposed, double correction) {
    if (beta > 0 && proposed == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return LogMath.tempered(beta, proposed) - LogMath.tempered(beta, current) + correction;
  }

  private void adapt(double[] acceptedPerMode, int[] countPerMode) {
    double gain = 1.0 / FastMath.pow(step + 1.0, 0.75);
    for (int m = 0; m < modes.length; m++) {
      acceptedTotal += acceptedPerMode[m];
      if (countPerMode[m] == 0) {
        continue;
      }
      double rate = acceptedPerMode[m] / countPerMode[m];
      double adapted = stepSizes[m] * FastMath.exp(gain * (rate - TARGET_ACCEPTANCE));
      stepSizes[m] = Math.min(adapted, kernel.maxStepSize());
    }
  }

  /** Mean acceptance over all steps so far (NaN before the first). */
  double acceptance() {
    return proposedTotal == 0 ? Double.NaN : acceptedTotal / proposedTotal;
  }

  double[][] walkers() {
    return walkers;
  }

  double[] walkerLogLikelihoods() {
    return walkerLogLikelihoods;
  }
}
