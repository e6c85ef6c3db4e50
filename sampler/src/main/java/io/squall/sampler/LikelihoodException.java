package io.squall.sampler;

/** A log-likelihood value the sampler cannot use (NaN, +∞); the message names the point. */
public final class LikelihoodException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LikelihoodException(String message) {
    super(message);
  }

  public LikelihoodException(String message, Throwable cause) {
    super(message, cause);
  }
}
