package io.squall.cluster;

/**
 * A cluster node could not start or lost its run (port in use, refused by the master, the master
 * gone): the CLI prints the message alone and exits with the given code.
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** A failure with the process exit {@code exitCode} (1 failure, 2 settings or model mismatch). */
  public ClusterException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }
}
