package io.squall.sampler;

/** How activeParticles particles are drawn from the weighted pool each iteration. */
public enum Resampling {
  /** One uniform offset, n evenly spaced positions on the cumulative weights (lower variance; default). */
  SYSTEMATIC,
  /** n independent draws from the weights. */
  MULTINOMIAL
}
