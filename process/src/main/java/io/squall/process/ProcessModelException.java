package io.squall.process;

/**
 * A process model cannot go on: the child speaks another protocol version or writes garbage, it
 * kept crashing or hanging after its restarts, or it cannot be started. The message names the
 * command.
 */
public final class ProcessModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the command. */
  public ProcessModelException(String message) {
    super(message);
  }

  /** An exception with a message naming the command and its cause. */
  public ProcessModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
