package io.squall.actors;

import java.util.List;

/**
 * How a parallel run went: times, parallel efficiency, per-worker numbers, and advice for the
 * user (the CLI prints {@link #advice()} and {@link #warnings()} and writes the rest to
 * {@code summary.json}).
 *
 * @param workers number of workers
 * @param wallSeconds the whole run, sampler work included
 * @param evaluationSeconds the evaluation phases: from handing out a batch to having all its
 *     values, summed over batches
 * @param busySeconds likelihood time summed over workers
 * @param parallelEfficiency busySeconds ÷ (workers × evaluationSeconds); 1 means no worker ever
 *     waited during an evaluation phase
 * @param secondsPerPoint mean likelihood time per point
 * @param batches batches evaluated
 * @param tasks tasks completed
 * @param points points evaluated
 * @param retries task attempts repeated after a failure or a worker crash
 * @param restarts worker restarts after an {@code Error}
 * @param workerStats one entry per worker, in order of first appearance
 * @param advice which parallel strategy fits the measured likelihood time
 * @param warnings set-up problems worth fixing (e.g. activeParticles not a multiple of workers)
 */
public record RunStats(
    int workers,
    double wallSeconds,
    double evaluationSeconds,
    double busySeconds,
    double parallelEfficiency,
    double secondsPerPoint,
    long batches,
    long tasks,
    long points,
    long retries,
    long restarts,
    List<WorkerStats> workerStats,
    List<String> advice,
    List<String> warnings) {

  public RunStats {
    workerStats = List.copyOf(workerStats);
    advice = List.copyOf(advice);
    warnings = List.copyOf(warnings);
  }
}
