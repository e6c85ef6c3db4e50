package io.squall.cluster;

/** The results or a checkpoint could not be written (the run itself succeeded, was not started, or stopped there). */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
