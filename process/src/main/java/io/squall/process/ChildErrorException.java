package io.squall.process;

import java.io.IOException;

/** The child reported that its likelihood or prior raised an error; the message is the child's. */
public final class ChildErrorException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error with the child's message. */
  public ChildErrorException(String message) {
    super(message);
  }
}
