package io.squall.actors;

import java.util.Arrays;

/**
 * Cuts a batch into tasks (contiguous slices) from the measured likelihood time per point τ.
 *
 * <p>With {@code pointsPerTask} set, every task has that many points (the last one fewer).
 * Otherwise tasks follow guided self-scheduling: each task takes
 * ⌈remaining / (minTasksPerWorker · workers)⌉ points, clamped to [minSize, maxSize], so the
 * first tasks are large and the last ones small, and no task waits behind a long one at the end of
 * a batch. maxSize = ⌊targetTaskTime / τ⌋ (about 200 ms of work; one point when a point costs
 * more), minSize = ⌈minTaskTime / τ⌉ (tasks cheaper than that cost more in messages than they
 * balance). Before anything is measured (τ unknown) maxSize is the whole batch and minSize 1.
 *
 * <p>With {@code maxTaskBytes} set (cluster mode), no task carries more than
 * ⌊(maxTaskBytes − {@value #MESSAGE_OVERHEAD_BYTES}) / (8 · m)⌋ points, whatever the rules
 * above say, so that both its message and its result's fit in one network frame; m is the larger
 * of the dimension (a point's coordinates) and 1 + k (its log-likelihood and k derived values).
 */
public final class TaskSizer {
  /** Bytes of a task message besides its points (ids, headers), generously rounded up. */
  public static final int MESSAGE_OVERHEAD_BYTES = 1024;

  private TaskSizer() {}

  /**
   * As {@link #sizes(int, int, double, LocalOptions)} for points of {@code dimension} doubles on
   * the wire (the larger of a point's coordinates and its results), with no task above
   * {@code options.maxTaskBytes()}.
   */
  public static int[] sizes(int batchSize, int dimension, int workers, double nanosPerPoint, LocalOptions options) {
    int byBytes = maxPointsByBytes(dimension, options.maxTaskBytes());
    if (options.pointsPerTask() > 0) {
      return batchSize <= 0 ? new int[0] : equalSizes(batchSize, Math.min(byBytes, options.pointsPerTask()));
    }
    return sizes(batchSize, workers, nanosPerPoint, options, byBytes);
  }

  /** The most points of {@code dimension} coordinates a task of {@code maxTaskBytes} holds (≥ 1). */
  public static int maxPointsByBytes(int dimension, long maxTaskBytes) {
    if (maxTaskBytes <= 0) {
      return Integer.MAX_VALUE;
    }
    long perPoint = (long) Double.BYTES * Math.max(1, dimension);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (maxTaskBytes - MESSAGE_OVERHEAD_BYTES) / perPoint));
  }

  /**
   * The task sizes for a batch of {@code batchSize} points on {@code workers} workers.
   *
   * @param nanosPerPoint measured likelihood time per point in ns; NaN (or ≤ 0) if unknown
   * @return positive sizes summing to {@code batchSize}, in batch order
   */
  public static int[] sizes(int batchSize, int workers, double nanosPerPoint, LocalOptions options) {
    if (options.pointsPerTask() > 0) {
      return batchSize <= 0 ? new int[0] : equalSizes(batchSize, options.pointsPerTask());
    }
    return sizes(batchSize, workers, nanosPerPoint, options, Integer.MAX_VALUE);
  }

  private static int[] sizes(int batchSize, int workers, double nanosPerPoint, LocalOptions options, int cap) {
    if (batchSize <= 0) {
      return new int[0];
    }
    boolean known = nanosPerPoint > 0 && Double.isFinite(nanosPerPoint);
    int limit = Math.min(cap, batchSize);
    int maxSize = known ? clamp(options.targetTaskTime().toNanos() / nanosPerPoint, 1, limit) : limit;
    int minSize = known ? clamp(Math.ceil(options.minTaskTime().toNanos() / nanosPerPoint), 1, maxSize) : 1;
    return guidedSizes(batchSize, Math.max(1, workers) * (long) options.minTasksPerWorker(), minSize, maxSize);
  }

  /** Tasks of {@code size} points, the last one possibly smaller. */
  static int[] equalSizes(int batchSize, int size) {
    int count = (batchSize + size - 1) / size;
    int[] sizes = new int[count];
    Arrays.fill(sizes, size);
    sizes[count - 1] = batchSize - (count - 1) * size;
    return sizes;
  }

  /** Guided self-scheduling: ⌈remaining / divisor⌉ clamped to [minSize, maxSize]. */
  static int[] guidedSizes(int batchSize, long divisor, int minSize, int maxSize) {
    int[] sizes = new int[16];
    int count = 0;
    int remaining = batchSize;
    while (remaining > 0) {
      long guided = (remaining + divisor - 1) / divisor;
      int size = (int) Math.min(remaining, Math.max(minSize, Math.min(maxSize, guided)));
      if (count == sizes.length) {
        sizes = Arrays.copyOf(sizes, 2 * count);
      }
      sizes[count++] = size;
      remaining -= size;
    }
    return Arrays.copyOf(sizes, count);
  }

  private static int clamp(double value, int low, int high) {
    return (int) Math.max(low, Math.min(high, Math.floor(value)));
  }
}
