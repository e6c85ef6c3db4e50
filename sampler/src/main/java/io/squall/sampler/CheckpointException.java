package io.squall.sampler;

/**
 * A checkpoint that cannot be read: not a checkpoint, another format version, truncated, or
 * corrupt. The message is one line saying which.
 */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
