package io.squall.sampler;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The result of the "train" step: the modes the kernels move walkers with, as a
 * {@link GaussianMixture} g(u) = Σₘ πₘ·N(u; μₘ, Cₘ), and for each pool particle the mode it
 * belongs to. With one mode a walker simply moves with it; with several, a walker's mode is drawn
 * from the responsibilities rₘ(u) of the point it was resampled from ({@link #drawMode}) and kept
 * for the iteration (see {@link Mutation} for why this keeps the target exact).
 */
public final class Proposal {
  private final GaussianMixture mixture;
  private final Mode[] modes;
  private final int[] labels;

  /**
   * A proposal whose modes weigh equally in the mixture.
   *
   * @param modes the fitted modes (at least one)
   * @param labels per pool particle the index of its mode, or −1 if the particle was trimmed
   */
  public Proposal(Mode[] modes, int[] labels) {
    this(equalWeights(modes), labels);
  }

  /**
   * @param mixture the fitted modes and their weights
   * @param labels per pool particle the index of its mode, or −1 if the particle was trimmed
   * @throws IllegalArgumentException if a label is not −1 and not the index of a mode
   */
  public Proposal(GaussianMixture mixture, int[] labels) {
    for (int label : labels) {
      if (label < -1 || label >= mixture.size()) {
        throw new IllegalArgumentException("label " + label + " does not index one of the "
            + mixture.size() + " modes");
      }
    }
    this.mixture = mixture;
    this.modes = mixture.components();
    this.labels = labels;
  }

  private static GaussianMixture equalWeights(Mode[] modes) {
    if (modes.length == 0) {
      throw new IllegalArgumentException("a proposal needs at least one mode");
    }
    double[] weights = new double[modes.length];
    Arrays.fill(weights, 1.0);
    return GaussianMixture.of(weights, modes);
  }

  public int modeCount() {
    return modes.length;
  }

  Mode[] modes() {
    return modes.clone();
  }

  public Mode mode(int m) {
    return modes[m];
  }

  /** The modes with their mixing weights. */
  public GaussianMixture mixture() {
    return mixture;
  }

  /** The label of pool particle s: its mode index, or −1 if it was trimmed before fitting. */
  public int label(int s) {
    return labels[s];
  }

  /**
   * The mode of pool particle s: its label, or for a trimmed particle the mode nearest in
   * Mahalanobis distance.
   */
  public int modeOf(int s, Pool pool) {
    if (labels[s] >= 0) {
      return labels[s];
    }
    double[] u = pool.unitPoint(s);
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int m = 0; m < modes.length; m++) {
      double distance = modes[m].mahalanobis2(u);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = m;
      }
    }
    return best;
  }

  /**
   * A mode for a walker at u drawn with probabilities rₘ(u) (one uniform from {@code rng}); 0
   * without a draw when there is one mode.
   */
  public int drawMode(double[] u, UniformRandomProvider rng) {
    if (modes.length == 1) {
      return 0;
    }
    double[] r = mixture.responsibilities(u);
    double position = rng.nextDouble();
    double cumulative = 0.0;
    for (int m = 0; m < r.length; m++) {
      cumulative += r[m];
      if (position < cumulative) {
        return m;
      }
    }
    int last = r.length - 1;
    while (r[last] == 0.0 && last > 0) {
      last--;
    }
    return last;
  }
}
