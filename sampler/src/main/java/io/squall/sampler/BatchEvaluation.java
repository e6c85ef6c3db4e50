package io.squall.sampler;

/**
 * A vectorized likelihood with derived values: one call evaluates a whole batch, {@code thetas[i]}
 * being the i-th point, and returns one log-likelihood and one row of derived values per point.
 */
@FunctionalInterface
public interface BatchEvaluation {
  Evaluation evaluate(double[][] thetas);
}
