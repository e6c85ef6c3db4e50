package io.squall.actors;

import java.util.Locale;
import java.util.Optional;

/**
 * Advice from the measured likelihood time per point τ: below ~1 ms vectorize (messages and the
 * sampler's own work cost as much as the likelihood), 1–100 ms local workers, above ~100 ms a
 * cluster.
 */
public final class Advice {
  /** Below this τ (seconds) the advice is to vectorize. */
  public static final double VECTORIZE_BELOW = 1e-3;
  /** Above this τ (seconds) the advice is a cluster. */
  public static final double CLUSTER_ABOVE = 0.1;

  private Advice() {}

  /** The strategy that fits a likelihood of {@code secondsPerPoint} per point. */
  public static String strategy(double secondsPerPoint) {
    if (!(secondsPerPoint >= 0)) {
      return "No likelihood time was measured.";
    }
    String measured = "The likelihood takes " + duration(secondsPerPoint) + " per point: ";
    if (secondsPerPoint < VECTORIZE_BELOW) {
      return measured + "below ~1 ms per point messages and the sampler's own work cost as much as"
          + " the likelihood; vectorize it (one call per batch, e.g. vectorizedLogLikelihood) and"
          + " use few workers or the sequential mode (--workers 0).";
    }
    if (secondsPerPoint <= CLUSTER_ABOVE) {
      return measured + "local workers, one per core, are the right mode.";
    }
    return measured + "above ~100 ms per point a cluster pays off; add worker nodes, each with"
        + " one worker per core.";
  }

  /**
   * A warning when {@code activeParticles} is not a multiple of {@code workers}: with one-point
   * tasks the last round of every batch leaves some workers idle.
   */
  public static Optional<String> workerCountWarning(int activeParticles, int workers) {
    if (activeParticles <= 0 || workers <= 1 || activeParticles % workers == 0) {
      return Optional.empty();
    }
    int idle = workers - activeParticles % workers;
    int below = activeParticles / workers * workers;
    int above = below + workers;
    return Optional.of("activeParticles = " + activeParticles + " is not a multiple of the " + workers
        + " workers: when a task is one point (expensive likelihoods), the last round of every batch"
        + " leaves " + idle + " worker" + (idle == 1 ? "" : "s") + " idle; "
        + (below > 0 ? below + " or " : "") + above + " would keep all of them busy.");
  }

  /** A duration in s, ms or µs with three significant digits. */
  static String duration(double seconds) {
    if (seconds >= 1) {
      return String.format(Locale.ROOT, "%.3g s", seconds);
    }
    if (seconds >= 1e-3) {
      return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
    }
    return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
  }
}
