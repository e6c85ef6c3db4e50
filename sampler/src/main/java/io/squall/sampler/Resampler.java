package io.squall.sampler;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws indices from normalised weights (the "resample" step). Both schemes are unbiased: the
 * expected number of copies of index i is n·wᵢ.
 */
public final class Resampler {
  private Resampler() {}

  /** n indices drawn from {@code weights} (which sum to 1) by {@code scheme}. */
  public static int[] resample(Resampling scheme, double[] weights, int n, UniformRandomProvider rng) {
    return scheme == Resampling.SYSTEMATIC ? systematic(weights, n, rng) : multinomial(weights, n, rng);
  }

  /**
   * Systematic resampling: one uniform U ∈ [0,1), positions (j + U)/n for j = 0..n−1, each mapped to
   * the first index whose cumulative weight exceeds it.
   */
  public static int[] systematic(double[] weights, int n, UniformRandomProvider rng) {
    double offset = rng.nextDouble();
    int[] out = new int[n];
    double cumulative = weights[0];
    int i = 0;
    for (int j = 0; j < n; j++) {
      double position = (j + offset) / n;
      while (cumulative <= position && i < weights.length - 1) {
        i++;
        cumulative += weights[i];
      }
      out[j] = lastPositive(weights, i);
    }
    return out;
  }

  /** Multinomial resampling: n independent uniforms, each mapped through the cumulative weights. */
  public static int[] multinomial(double[] weights, int n, UniformRandomProvider rng) {
    double[] cumulative = new double[weights.length];
    double total = 0.0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      cumulative[i] = total;
    }
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      double position = rng.nextDouble() * total;
      out[j] = lastPositive(weights, firstAbove(cumulative, position));
    }
    return out;
  }

  /** The first index whose cumulative weight exceeds {@code position} (the last index if none does). */
  private static int firstAbove(double[] cumulative, double position) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > position) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Guards against rounding at the top of the cumulative sum: never return a zero-weight index. */
  private static int lastPositive(double[] weights, int index) {
    int i = index;
    while (weights[i] == 0.0 && i > 0) {
      i--;
    }
    return i;
  }
}
