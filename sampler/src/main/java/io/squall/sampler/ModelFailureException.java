package io.squall.sampler;

/**
 * The model itself failed, not at one point: e.g. an external process that crashed for good or
 * speaks another protocol. A worker that catches it does not try the task's points one by one to
 * single out a culprit (every point would fail, and the first would be blamed wrongly).
 */
public class ModelFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming what failed. */
  public ModelFailureException(String message) {
    super(message);
  }

  /** An exception with a message naming what failed, and its cause. */
  public ModelFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
