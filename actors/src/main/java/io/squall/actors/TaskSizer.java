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
 */
public final class TaskSizer {
  private TaskSizer() {}

  /**
   * The task sizes for a batch of {@code batchSize} points on {@code workers} workers.
   *
   * @param nanosPerPoint measured likelihood time per point in ns; NaN (or ≤ 0) if unknown
   * @return positive sizes summing to {@code batchSize}, in batch order
   */
  public static int[] sizes(int batchSize, int workers, double nanosPerPoint, LocalOptions options) {
    if (batchSize <= 0) {
      return new int[0];
    }
    if (options.pointsPerTask() > 0) {
      return equalSizes(batchSize, options.pointsPerTask());
    }
    boolean known = nanosPerPoint > 0 && Double.isFinite(nanosPerPoint);
    int maxSize = known ? clamp(options.targetTaskTime().toNanos() / nanosPerPoint, 1, batchSize) : batchSize;
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
