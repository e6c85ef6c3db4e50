package io.squall.examples;

import io.squall.sampler.Boundary;
import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import java.util.List;

/**
 * Shared plumbing of the built-in examples: a uniform prior on the box [low, high]^d (parameters
 * named {@code x0 … x(d-1)}) and a per-point log-likelihood, evaluated point by point for a batch.
 * Subclasses are immutable and stateless, hence safe to evaluate from several threads.
 */
abstract class UniformBoxModel implements Model {
  /**
   * A known log-evidence may neglect the likelihood mass outside the prior box only when that mass
   * is provably below this fraction of the total: log Z is then off by less than 1e-4, the
   * precision of the reference table. Otherwise the evidence is reported as unknown.
   */
  static final double NEGLIGIBLE_MASS = 1e-4;

  private final Prior prior;

  UniformBoxModel(int dimension, double low, double high) {
    this.prior = Prior.uniformBox(dimension, low, high);
  }

  /** log L(θ) of one point with {@link #dimension()} coordinates. */
  public abstract double logLikelihood(double[] theta);

  @Override
  public final int dimension() {
    return prior.dimension();
  }

  @Override
  public final List<String> parameterNames() {
    return prior.parameterNames();
  }

  @Override
  public final List<Boundary> boundaries() {
    return prior.boundaries();
  }

  @Override
  public final double[] theta(double[] unitCube) {
    return prior.theta(unitCube);
  }

  @Override
  public final double[] logLikelihoods(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int i = 0; i < thetas.length; i++) {
      checkLength(thetas[i]);
      out[i] = logLikelihood(thetas[i]);
    }
    return out;
  }

  private void checkLength(double[] theta) {
    if (theta.length != dimension()) {
      throw new IllegalArgumentException(
          this + " has " + dimension() + " parameters, got a point with " + theta.length);
    }
  }
}
