package io.squall.sampler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The "train" step: fits the proposal to the weighted pool at the new β. The pool is first
 * trimmed to the heaviest particles that carry {@link #TRIM_MASS} of the weight (the negligible
 * tail only adds noise), then one {@link Mode} — weighted mean and covariance — is fitted to them.
 * Clustering into several modes plugs in here: a trainer returns any number of modes and a label
 * per particle.
 */
public final class Trainer {
  /** Fraction of the total weight kept by trimming. */
  public static final double TRIM_MASS = 0.999;

  private Trainer() {}

  /** A single-mode proposal fitted to {@code pool} with normalised weights {@code weights}. */
  public static Proposal unimodal(Pool pool, double[] weights) {
    int[] members = trimmed(weights, TRIM_MASS);
    double[] memberWeights = new double[members.length];
    int[] labels = new int[pool.size()];
    Arrays.fill(labels, -1);
    for (int k = 0; k < members.length; k++) {
      memberWeights[k] = weights[members[k]];
      labels[members[k]] = 0;
    }
    return new Proposal(new Mode[] {Mode.fit(pool, members, memberWeights)}, labels);
  }

  /**
   * The indices of the heaviest weights whose sum first reaches {@code mass} of the total, in
   * decreasing order of weight (ties by index, so the result is deterministic). Zero weights are
   * never kept.
   */
  public static int[] trimmed(double[] weights, double mass) {
    Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparingInt(i -> i));
    double total = 0.0;
    for (double w : weights) {
      total += w;
    }
    double kept = 0.0;
    int count = 0;
    while (count < order.length && weights[order[count]] > 0 && kept < mass * total) {
      kept += weights[order[count]];
      count++;
    }
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      out[k] = order[k];
    }
    return out;
  }
}
