package io.squall.actors;

/**
 * No task completed for the configured stall timeout ({@link LocalOptions#stallTimeout()}); the
 * message names the stuck tasks (batch, first index, size, worker).
 */
public final class RunStalledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunStalledException(String message) {
    super(message);
  }
}
