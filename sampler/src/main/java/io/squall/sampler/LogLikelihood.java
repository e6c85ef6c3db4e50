package io.squall.sampler;

/**
 * A per-point log-likelihood log L(θ). May return {@code Double.NEGATIVE_INFINITY} (a region of zero
 * likelihood); NaN and +∞ are errors unless the settings say to treat NaN as −∞.
 */
@FunctionalInterface
public interface LogLikelihood {
  double logLikelihood(double[] theta);
}
