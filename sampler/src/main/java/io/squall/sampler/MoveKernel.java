package io.squall.sampler;

/**
 * One MCMC proposal mechanism in the unit cube: how a walker at u proposes u', and the log of the
 * factor that makes the Metropolis–Hastings acceptance exact,
 *
 * <pre>  log α = β·(ℓ' − ℓ) + logCorrection(u, u')</pre>
 *
 * for the tempered target π_β(u) ∝ L(θ(u))^β on the cube. Boundaries are applied after
 * {@link #propose}; a proposal outside the cube in a coordinate without a boundary is rejected
 * without a likelihood call.
 */
public interface MoveKernel {
  /** The proposal from u with step size σ, given z ~ N(0, I). */
  double[] propose(double[] u, Mode mode, double stepSize, double[] z);

  /** log q(u | u') − log q(u' | u) (zero for symmetric proposals). */
  double logCorrection(double[] from, double[] to, Mode mode);

  /** The largest usable step size. */
  double maxStepSize();

  /** The kernel implementing {@code kernel}. */
  static MoveKernel of(Kernel kernel) {
    return kernel == Kernel.PCN ? new Pcn() : new RandomWalk();
  }

  /**
   * Preconditioned Crank–Nicolson: u' = μ + √(1 − σ²)(u − μ) + σ·L·z. It leaves N(μ, C)
   * invariant, so log q(u|u') − log q(u'|u) = log N(u; μ, C) − log N(u'; μ, C)
   * = ½(|u' − μ|²_C − |u − μ|²_C).
   */
  class Pcn implements MoveKernel {
    @Override
    public double[] propose(double[] u, Mode mode, double stepSize, double[] z) {
      double shrink = Math.sqrt(1.0 - stepSize * stepSize);
      double[] noise = mode.scaleNormal(z);
      double[] out = new double[u.length];
      for (int j = 0; j < u.length; j++) {
        out[j] = mode.mean(j) + shrink * (u[j] - mode.mean(j)) + stepSize * noise[j];
      }
      return out;
    }

    @Override
    public double logCorrection(double[] from, double[] to, Mode mode) {
      return 0.5 * (mode.mahalanobis2(to) - mode.mahalanobis2(from));
    }

    @Override
    public double maxStepSize() {
      return 0.99;
    }
  }

  /** Random-walk Metropolis: u' = u + σ·L·z, symmetric. */
  final class RandomWalk implements MoveKernel {
    @Override
    public double[] propose(double[] u, Mode mode, double stepSize, double[] z) {
      double[] noise = mode.scaleNormal(z);
      double[] out = new double[u.length];
      for (int j = 0; j < u.length; j++) {
        out[j] = u[j] + stepSize * noise[j];
      }
      return out;
    }

    @Override
    public double logCorrection(double[] from, double[] to, Mode mode) {
      return 0.0;
    }

    @Override
    public double maxStepSize() {
      return 10.0;
    }
  }
}
