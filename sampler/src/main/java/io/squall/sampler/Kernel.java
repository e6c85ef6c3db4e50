package io.squall.sampler;

/** The MCMC kernel that mutates the resampled particles. */
public enum Kernel {
  /**
   * Preconditioned Crank–Nicolson around the mode's mean μ and covariance C:
   * u' = μ + √(1 − σ²)(u − μ) + σ·L·z, C = L·Lᵀ, z ~ N(0, I), σ &lt; 1. Reversible with respect to
   * N(μ, C), so the acceptance carries the ratio N(u; μ, C) / N(u'; μ, C). The default.
   */
  PCN,
  /** Random-walk Metropolis with the mode's covariance: u' = u + σ·L·z. */
  RANDOM_WALK
}
