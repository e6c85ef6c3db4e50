package io.squall.sampler;

import java.util.Arrays;

/**
 * Collects the log-likelihoods of one {@link Batch} from slices that may arrive in any order, any
 * number of times. A value is placed by its point index; a slice already received is ignored, so
 * re-sending a lost slice is always safe (at-least-once delivery, idempotent apply).
 */
public final class BatchResults {
  private final long batchId;
  private final double[] values;
  private final boolean[] filled;
  private int remaining;

  public BatchResults(Batch batch) {
    this.batchId = batch.id();
    this.values = new double[batch.size()];
    this.filled = new boolean[batch.size()];
    this.remaining = batch.size();
  }

  public long batchId() {
    return batchId;
  }

  /**
   * Stores {@code slice} as the values of points {@code from … from + slice.length − 1}.
   *
   * @return the number of points newly filled (0 for a duplicate)
   * @throws IllegalArgumentException if the slice does not fit in the batch
   */
  public int accept(int from, double[] slice) {
    if (from < 0 || from + slice.length > values.length) {
      throw new IllegalArgumentException("slice [" + from + ", " + (from + slice.length)
          + ") does not fit batch " + batchId + " of " + values.length + " points");
    }
    int added = 0;
    for (int i = 0; i < slice.length; i++) {
      if (!filled[from + i]) {
        filled[from + i] = true;
        values[from + i] = slice[i];
        added++;
      }
    }
    remaining -= added;
    return added;
  }

  public boolean isComplete() {
    return remaining == 0;
  }

  /** The collected values (a copy); only meaningful once {@link #isComplete()}. */
  public double[] values() {
    if (!isComplete()) {
      throw new IllegalStateException("batch " + batchId + " still misses " + remaining + " values");
    }
    return Arrays.copyOf(values, values.length);
  }
}
