package io.squall.sampler;

/**
 * A vectorized log-likelihood: one call evaluates a whole batch of points, {@code thetas[i]} being
 * the i-th point; the answer has one log-likelihood per point, in the same order.
 */
@FunctionalInterface
public interface BatchLogLikelihood {
  double[] logLikelihoods(double[][] thetas);
}
