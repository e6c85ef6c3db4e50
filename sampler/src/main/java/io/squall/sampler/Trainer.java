package io.squall.sampler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The "train" step: fits the proposal to the weighted pool at the new β. The pool is first
 * trimmed to the heaviest particles that carry {@link #TRIM_MASS} of the weight (the negligible
 * tail only adds noise), then either one {@link Mode} — weighted mean and covariance — is fitted
 * to them ({@link #unimodal}) or a weighted Gaussian mixture of several modes ({@link #clustered},
 * the default), with a label per particle.
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
   * A proposal of one or more modes fitted to {@code pool} with normalised weights
   * {@code weights}: the trimmed pool is clustered by {@link Clusterer} (a weighted Gaussian
   * mixture grown by splitting while the BIC improves); each trimmed particle is labelled with its
   * most responsible mode, trimmed-away particles get −1. When one mode suffices (one component,
   * or components that overlap into one connected group) the result is exactly {@link #unimodal}.
   * {@code rng} (the run's cluster stream) is used only to thin large pools.
   */
  public static Proposal clustered(Pool pool, double[] weights, UniformRandomProvider rng) {
    int[] members = trimmed(weights, TRIM_MASS);
    double[][] points = new double[members.length][];
    double[] memberWeights = new double[members.length];
    for (int k = 0; k < members.length; k++) {
      points[k] = pool.unitPoint(members[k]);
      memberWeights[k] = weights[members[k]];
    }
    Clusterer.Clustering clustering = Clusterer.fit(points, memberWeights, rng);
    if (clustering.mixture().size() == 1) {
      return unimodal(pool, weights);
    }
    int[] labels = new int[pool.size()];
    Arrays.fill(labels, -1);
    for (int k = 0; k < members.length; k++) {
      labels[members[k]] = clustering.labels()[k];
    }
    return new Proposal(clustering.mixture(), labels);
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
