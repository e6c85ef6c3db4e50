package io.squall.cluster;

import io.squall.sampler.IterationDiagnostics;

/**
 * One completed iteration as the progress display shows it: the sampler's numbers and how busy
 * the workers were while it ran.
 *
 * @param iteration index from 0 (warm-up prior batches included)
 * @param beta the inverse temperature of the iteration
 * @param effectiveSampleSize the pool's ESS at {@code beta}
 * @param logEvidence log Ẑ(β)
 * @param likelihoodCalls cumulative likelihood calls
 * @param acceptance mean MCMC acceptance (NaN for prior draws)
 * @param wallSeconds wall time since sampling started
 * @param busyWorkers mean number of workers evaluating likelihoods during the iteration (1 in
 *     sequential mode; NaN if unknown)
 * @param workers workers taking part
 */
public record IterationProgress(
    int iteration,
    double beta,
    double effectiveSampleSize,
    double logEvidence,
    long likelihoodCalls,
    double acceptance,
    double wallSeconds,
    double busyWorkers,
    int workers) {

  /** The sampler's record of an iteration with the time and the workers' activity. */
  static IterationProgress of(IterationDiagnostics d, double wallSeconds, double busyWorkers, int workers) {
    return new IterationProgress(d.iteration(), d.beta(), d.effectiveSampleSize(), d.logEvidence(),
        d.likelihoodCalls(), d.acceptance(), wallSeconds, busyWorkers, workers);
  }

  /**
   * How far the run is, from 0 to 1: the first half as β goes from 0 to 1, the second as the ESS
   * at β = 1 grows to {@code totalSamples} (where the run ends).
   */
  double fraction(int totalSamples) {
    if (beta < 1) {
      return 0.5 * Math.max(0, beta);
    }
    return 0.5 + 0.5 * Math.min(1, effectiveSampleSize / totalSamples);
  }
}
