package io.squall.sampler;

/**
 * Chooses the next inverse temperature (the "reweight" step of Persistent Sampling): the β in
 * [β_current, 1] at which the pool's effective sample size equals the target n_effective.
 *
 * <ul>
 *   <li>ESS(β_current) ≤ target: stay at β_current;
 *   <li>ESS(1) ≥ target: jump to 1;
 *   <li>otherwise bisect on β until the bracket is narrower than {@link #TOLERANCE}, returning the
 *       upper end of the final bracket's lower side (ESS(β) ≥ target, ESS decreasing in β).
 * </ul>
 */
public final class BetaSolver {
  /** Bisection stops when the bracket is narrower than this. */
  public static final double TOLERANCE = 1e-9;
  private static final int MAX_BISECTIONS = 200;

  private BetaSolver() {}

  /** The next β for {@code pool}, starting from {@code current}, at ESS = {@code targetEss}. */
  public static double next(Pool pool, double current, double targetEss) {
    if (pool.effectiveSampleSize(current) <= targetEss) {
      return current;
    }
    if (pool.effectiveSampleSize(1.0) >= targetEss) {
      return 1.0;
    }
    double low = current;
    double high = 1.0;
    for (int i = 0; i < MAX_BISECTIONS && high - low > TOLERANCE; i++) {
      double mid = 0.5 * (low + high);
      if (pool.effectiveSampleSize(mid) >= targetEss) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
