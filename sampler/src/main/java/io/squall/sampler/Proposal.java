package io.squall.sampler;

/**
 * The result of the "train" step: the modes the kernels move walkers with, and for each pool
 * particle the mode it belongs to. A walker inherits the mode of the particle it was resampled
 * from.
 */
public final class Proposal {
  private final Mode[] modes;
  private final int[] labels;

  /**
   * @param modes the fitted modes (at least one)
   * @param labels per pool particle the index of its mode, or −1 if the particle was trimmed
   */
  public Proposal(Mode[] modes, int[] labels) {
    if (modes.length == 0) {
      throw new IllegalArgumentException("a proposal needs at least one mode");
    }
    this.modes = modes.clone();
    this.labels = labels;
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
}
