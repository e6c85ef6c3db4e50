package io.squall.sampler;

import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The "mutate" step of one iteration: n walkers moved in lock-step by MCMC targeting
 * π_β(u) ∝ L(θ(u))^β on the unit cube. Each step proposes one move per walker; the moves that stay
 * in the cube form one batch of likelihood evaluations, the others are rejected without a call.
 *
 * <p>The step size σ adapts after every local step by Robbins–Monro toward acceptance 0.234:
 * log σ ← log σ + (ā_k − 0.234)/(k + 1)^0.75, capped at the kernel's maximum; each mode has its own.
 *
 * <p><b>Several modes.</b> With a mixture g(u) = Σₘ πₘ Nₘ(u) and responsibilities
 * rₘ(u) = πₘ Nₘ(u)/g(u), each walker carries a mode m, drawn from r(·|u₀) at its starting point
 * u₀ ~ π_β. The pair (u, m) then has the joint density π_β(u)·rₘ(u), whose u-marginal is π_β since
 * Σₘ rₘ = 1, and two Metropolis–Hastings moves keep that joint invariant, so every walker stays
 * exactly π_β-distributed:
 * <ul>
 *   <li><b>local</b>: u' from mode m's kernel (pCN is reversible w.r.t. Nₘ), m kept, targeting
 *       π_β(u)·rₘ(u):
 *       <pre>  log α = β·(ℓ' − ℓ) + logCorrection_m(u, u') + log rₘ(u') − log rₘ(u)</pre>
 *       (for pCN the Nₘ terms cancel: β·(ℓ' − ℓ) + log g(u) − log g(u')). The factor rₘ keeps the
 *       walker near its mode. Merely using mode m's own kernel for a walker whose m depends on
 *       where it started would not be exact: each kernel keeps π_β invariant, but the flows between
 *       modes under different kernels do not balance.
 *   <li><b>jump</b> (every {@value #JUMP_PERIOD}th step): an independent (m', u') from the
 *       mixture, m' ~ π, u' ~ N_{m'}, accepted with
 *       <pre>  log α = β·(ℓ' − ℓ) + log g(u) − log g(u')</pre>
 *       (the mixture terms of the joint cancel). A proposal outside the cube is rejected (π_β is
 *       zero there; it is not wrapped, which would change its density). These moves carry walkers
 *       between modes, so the share of each mode follows π_β itself rather than what the walkers
 *       inherited from resampling a finite pool: without them, errors in the modes' shares would
 *       persist from one iteration to the next.
 * </ul>
 * With one mode rₘ ≡ 1, only local steps are made and the plain kernel correction is used.
 */
final class Mutation {
  static final double TARGET_ACCEPTANCE = 0.234;
  /** With several modes, every JUMP_PERIOD-th step is a jump between modes. */
  static final int JUMP_PERIOD = 2;

  private final MoveKernel kernel;
  private final Mode[] modes;
  private final GaussianMixture mixture;
  private final double[] walkerLogResponsibilities;
  private final double[] stepSizes;
  private final Boundary[] boundaries;
  private final double beta;
  private final int steps;
  private final double[][] walkers;
  private final double[] walkerLogLikelihoods;
  private final int[] walkerModes;
  private double[][] walkerDerived;
  private final double[] modeAccepted;
  private final double[] modeProposed;
  private int step;
  private int localSteps;
  private double acceptedTotal;
  private long proposedTotal;
  private long jumpsAccepted;
  private long jumpsProposed;
  private double[][] proposals;
  private double[] corrections;
  private int[] batchIndex;
  private int[] proposalModes;
  private double[] proposalLogResponsibilities;

  Mutation(MoveKernel kernel, Mode[] modes, double[] stepSizes, Boundary[] boundaries, double beta,
      int steps, double[][] walkers, double[] walkerLogLikelihoods, int[] walkerModes) {
    this(kernel, modes, null, stepSizes, boundaries, beta, steps, walkers, walkerLogLikelihoods, walkerModes);
  }

  /**
   * Walkers moved with the modes of {@code mixture}: with more than one component, local moves
   * confined by the mode's responsibility and jumps between modes (see the class comment).
   */
  Mutation(MoveKernel kernel, GaussianMixture mixture, double[] stepSizes, Boundary[] boundaries, double beta,
      int steps, double[][] walkers, double[] walkerLogLikelihoods, int[] walkerModes) {
    this(kernel, mixture.components(), mixture.size() > 1 ? mixture : null, stepSizes, boundaries, beta, steps,
        walkers, walkerLogLikelihoods, walkerModes);
  }

  private Mutation(MoveKernel kernel, Mode[] modes, GaussianMixture mixture, double[] stepSizes,
      Boundary[] boundaries, double beta, int steps, double[][] walkers, double[] walkerLogLikelihoods,
      int[] walkerModes) {
    this.kernel = kernel;
    this.modes = modes;
    this.mixture = mixture;
    this.walkerLogResponsibilities = mixture == null ? null : logResponsibilities(mixture, walkers, walkerModes);
    this.stepSizes = stepSizes;
    this.boundaries = boundaries;
    this.beta = beta;
    this.steps = steps;
    this.walkers = walkers;
    this.walkerLogLikelihoods = walkerLogLikelihoods;
    this.walkerModes = walkerModes;
    this.walkerDerived = new double[walkers.length][0];
    this.modeAccepted = new double[modes.length];
    this.modeProposed = new double[modes.length];
  }

  private static double[] logResponsibilities(GaussianMixture mixture, double[][] walkers, int[] walkerModes) {
    double[] out = new double[walkers.length];
    for (int i = 0; i < walkers.length; i++) {
      out[i] = mixture.logResponsibility(walkerModes[i], walkers[i]);
    }
    return out;
  }

  /**
   * Gives the walkers their derived values ({@code derived[i]} for walker i); an accepted move
   * replaces them with the proposal's.
   */
  void carry(double[][] derived) {
    walkerDerived = derived;
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

  /** Whether the current step is a jump between modes (only with several modes). */
  boolean isJumpStep() {
    return mixture != null && step % JUMP_PERIOD == JUMP_PERIOD - 1;
  }

  /** {@link #propose(ContinuousSampler, UniformRandomProvider)} for a single mode. */
  double[][] propose(ContinuousSampler normals) {
    return propose(normals, null);
  }

  /**
   * Proposes one move per walker and returns the proposals that need a likelihood call (possibly
   * none). Draws d normals per walker from {@code normals}, in walker order, and on jump steps also
   * one uniform per walker from {@code uniforms} (to pick the mode it jumps to).
   */
  double[][] propose(ContinuousSampler normals, UniformRandomProvider uniforms) {
    int n = walkers.length;
    int d = walkers[0].length;
    boolean jump = isJumpStep();
    proposals = new double[n][];
    corrections = new double[n];
    batchIndex = new int[n];
    proposalModes = new int[n];
    proposalLogResponsibilities = mixture == null ? null : new double[n];
    int inCube = 0;
    for (int i = 0; i < n; i++) {
      double[] z = new double[d];
      for (int j = 0; j < d; j++) {
        z[j] = normals.sample();
      }
      proposalModes[i] = jump ? drawComponent(uniforms.nextDouble()) : walkerModes[i];
      double[] proposal = jump ? jumpProposal(proposalModes[i], z) : localProposal(i, z);
      batchIndex[i] = -1;
      if (proposal != null) {
        proposals[i] = proposal;
        corrections[i] = jump ? jumpCorrection(i, proposal) : localCorrection(i, proposal);
        batchIndex[i] = inCube++;
      }
    }
    return batch(inCube);
  }

  private double[][] batch(int size) {
    double[][] batch = new double[size][];
    for (int i = 0; i < batchIndex.length; i++) {
      if (batchIndex[i] >= 0) {
        batch[batchIndex[i]] = proposals[i];
      }
    }
    return batch;
  }

  private double[] localProposal(int i, double[] z) {
    int m = walkerModes[i];
    return applyBoundaries(kernel.propose(walkers[i], modes[m], stepSizes[m], z));
  }

  /** The kernel's correction plus log rₘ(u') − log rₘ(u) for walker i's mode m (with several modes). */
  private double localCorrection(int i, double[] proposal) {
    double correction = kernel.logCorrection(walkers[i], proposal, modes[walkerModes[i]]);
    if (mixture == null) {
      return correction;
    }
    proposalLogResponsibilities[i] = mixture.logResponsibility(walkerModes[i], proposal);
    return correction + proposalLogResponsibilities[i] - walkerLogResponsibilities[i];
  }

  /** The first component whose cumulative mixing weight exceeds {@code uniform}. */
  private int drawComponent(double uniform) {
    double cumulative = 0.0;
    for (int m = 0; m < modes.length - 1; m++) {
      cumulative += mixture.weight(m);
      if (uniform < cumulative) {
        return m;
      }
    }
    return modes.length - 1;
  }

  /** u' = μₘ + Lₘ·z, or null (rejected without a call) if it leaves the cube. */
  private double[] jumpProposal(int m, double[] z) {
    double[] noise = modes[m].scaleNormal(z);
    for (int j = 0; j < noise.length; j++) {
      noise[j] += modes[m].mean(j);
      if (!(noise[j] >= 0.0 && noise[j] <= 1.0)) {
        return null;
      }
    }
    return noise;
  }

  /** log g(u) − log g(u'); records log r_{m'}(u') for the walker's new mode if accepted. */
  private double jumpCorrection(int i, double[] proposal) {
    double[] joint = mixture.logJoint(proposal);
    double logDensity = LogMath.logSumExp(joint);
    proposalLogResponsibilities[i] = joint[proposalModes[i]] - logDensity;
    return mixture.logDensity(walkers[i]) - logDensity;
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
   * adapts the step sizes (after local steps).
   */
  void accept(double[] batchLogLikelihoods, UniformRandomProvider uniforms) {
    accept(batchLogLikelihoods, null, uniforms);
  }

  /**
   * {@link #accept(double[], UniformRandomProvider)} with the derived values of the batch
   * ({@code batchDerived[k]} for batch point k; null when the model has none).
   */
  void accept(double[] batchLogLikelihoods, double[][] batchDerived, UniformRandomProvider uniforms) {
    int n = walkers.length;
    boolean jump = isJumpStep();
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
        acceptedPerMode[walkerModes[i]]++;
        move(i, proposed, batchDerived == null ? null : batchDerived[batchIndex[i]]);
      }
    }
    if (jump) {
      jumpsAccepted += (long) sum(acceptedPerMode);
      jumpsProposed += n;
    } else {
      adapt(acceptedPerMode, countPerMode);
      proposedTotal += n;
      localSteps++;
    }
    step++;
    proposals = null;
  }

  private void move(int i, double logLikelihood, double[] derived) {
    walkers[i] = proposals[i];
    walkerLogLikelihoods[i] = logLikelihood;
    if (derived != null) {
      walkerDerived[i] = derived;
    }
    if (mixture != null) {
      walkerModes[i] = proposalModes[i];
      walkerLogResponsibilities[i] = proposalLogResponsibilities[i];
    }
  }

  private static double sum(double[] values) {
    double total = 0.0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  private double logAcceptance(double current, double proposed, double correction) {
    if (beta > 0 && proposed == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return LogMath.tempered(beta, proposed) - LogMath.tempered(beta, current) + correction;
  }

  private void adapt(double[] acceptedPerMode, int[] countPerMode) {
    for (int m = 0; m < modes.length; m++) {
      modeAccepted[m] += acceptedPerMode[m];
      modeProposed[m] += countPerMode[m];
    }
    double gain = 1.0 / FastMath.pow(localSteps + 1.0, 0.75);
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

  /** Mean acceptance of the local steps so far (NaN before the first). */
  double acceptance() {
    return proposedTotal == 0 ? Double.NaN : acceptedTotal / proposedTotal;
  }

  /**
   * The lowest local-step acceptance among the modes that held at least {@code share} of the
   * walkers (NaN before the first local step).
   */
  double slowestModeAcceptance(double share) {
    double lowest = Double.NaN;
    for (int m = 0; m < modes.length; m++) {
      if (modeProposed[m] > 0 && modeProposed[m] >= share * walkers.length * localSteps) {
        double rate = modeAccepted[m] / modeProposed[m];
        lowest = Double.isNaN(lowest) ? rate : Math.min(lowest, rate);
      }
    }
    return lowest;
  }

  /** Mean acceptance of the jumps between modes so far (NaN before the first). */
  double jumpAcceptance() {
    return jumpsProposed == 0 ? Double.NaN : (double) jumpsAccepted / jumpsProposed;
  }

  double[][] walkers() {
    return walkers;
  }

  double[] walkerLogLikelihoods() {
    return walkerLogLikelihoods;
  }

  double[][] walkerDerived() {
    return walkerDerived;
  }
}
