package io.squall.process;

import io.squall.sampler.ModelFailureException;

/**
 * A process model cannot go on: the child speaks another protocol version or writes garbage, it
 * kept crashing or hanging after its restarts, or it cannot be started. The message names the
 * command. It is a {@link ModelFailureException}: no point of the task is blamed for it.
 */
public final class ProcessModelException extends ModelFailureException {
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
