package io.squall.sampler;

/**
 * A per-point likelihood with derived values: returns log L(θ) and the model's derived values at θ
 * (in the order of {@link Model#derivedNames()}).
 */
@FunctionalInterface
public interface PointEvaluation {
  Evaluation.Point evaluate(double[] theta);
}
