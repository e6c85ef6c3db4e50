package io.squall.sampler;

/**
 * What happens to an MCMC proposal that leaves the unit interval in one coordinate.
 *
 * <ul>
 *   <li>{@link #NONE}: the proposal is rejected without a likelihood call (the kernel stays
 *       reversible; it is not redrawn).
 *   <li>{@link #PERIODIC}: the coordinate wraps, u mod 1 (angles, phases).
 *   <li>{@link #REFLECTIVE}: the coordinate folds back into [0, 1] at the walls.
 * </ul>
 */
public enum Boundary {
  NONE,
  PERIODIC,
  REFLECTIVE;

  /**
   * Maps one coordinate of a proposal into [0, 1].
   *
   * @return the mapped value, or NaN when this boundary rejects the value
   */
  public double map(double u) {
    if (u >= 0.0 && u <= 1.0) {
      return u;
    }
    switch (this) {
      case PERIODIC:
        double wrapped = u - Math.floor(u);
        return wrapped;
      case REFLECTIVE:
        double folded = u - 2.0 * Math.floor(u / 2.0); // in [0, 2)
        return folded <= 1.0 ? folded : 2.0 - folded;
      default:
        return Double.NaN;
    }
  }
}
