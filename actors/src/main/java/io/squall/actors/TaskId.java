package io.squall.actors;

/**
 * Identifies a task: the contiguous slice of batch {@code batchId} that starts at point
 * {@code from}. A result quoting a batch that is no longer current, or a task already done, is
 * ignored, so re-sending a task is always safe.
 *
 * @param batchId the sampler's batch id
 * @param from index of the task's first point in the batch
 */
public record TaskId(long batchId, int from) implements CborSerializable {
  @Override
  public String toString() {
    return "batch " + batchId + " from point " + from;
  }
}
