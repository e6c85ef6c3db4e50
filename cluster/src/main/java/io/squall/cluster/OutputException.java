package io.squall.cluster;

/** The results could not be written (the run itself succeeded or was not started). */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
