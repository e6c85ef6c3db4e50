package io.squall.actors;

/**
 * Running totals of a parallel run's workers, handed to {@link BatchSource#workerActivity} each
 * time a batch completes (just before its values are told), e.g. for a progress display or a
 * utilisation plot. Only timings: nothing here influences the sampler.
 *
 * @param workers the pool the batch was cut for: in local mode all its workers, in cluster mode
 *     the workers connected when the batch started
 * @param busySeconds likelihood time summed over the workers since the run started
 * @param wallSeconds wall time since the run started
 */
public record WorkerActivity(int workers, double busySeconds, double wallSeconds) {
  /**
   * The mean number of busy workers between {@code earlier} and this: Δ busySeconds ÷ Δ
   * wallSeconds (NaN if no time passed).
   */
  public double busyWorkersSince(WorkerActivity earlier) {
    double wall = wallSeconds - earlier.wallSeconds;
    return wall > 0 ? (busySeconds - earlier.busySeconds) / wall : Double.NaN;
  }
}
