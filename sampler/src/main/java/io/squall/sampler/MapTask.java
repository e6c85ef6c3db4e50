package io.squall.sampler;

/**
 * A unit of work for the generic distributed map ({@code io.squall.actors.DistributedMap}, and
 * {@code squall example} on a cluster): a pure function from one input row to one output row,
 * both of fixed width. The map sends rows to the same pulling workers that evaluate likelihoods —
 * in one JVM or on the worker nodes of a cluster — and gives the outputs back in input order, so a
 * reduce over them is the same whatever the number of workers or the order in which they answer.
 *
 * <p>Rows are plain {@code double} arrays (they travel packed, 8 bytes per value, like points).
 * {@link #apply} must depend on its input alone: any randomness it needs comes from a seed carried
 * in the row (see the π example), never from a shared or thread-local generator. On a cluster every
 * node constructs its own instance (a public no-argument constructor, or a built-in name), and a
 * worker node with another task or other parameters is refused.
 */
public interface MapTask {
  /** Values per input row. */
  int inputWidth();

  /** Values per output row (at least 1). */
  int outputWidth();

  /** The output row of {@code input} ({@link #inputWidth()} values in, {@link #outputWidth()} out). */
  double[] apply(double[] input);

  /**
   * This task in the form the workers evaluate: a {@link Model} whose "points" are input rows
   * (θ = the row itself) and whose evaluation is the output row — the first value as the
   * "log-likelihood", the others as derived values.
   */
  default Model asModel() {
    return new MapTaskModel(this);
  }
}
