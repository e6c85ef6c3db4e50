package io.squall.sampler;

import org.apache.commons.math3.util.FastMath;

/**
 * Numerically stable sums in log space and the effective sample size. All exponentials and
 * logarithms in the sampler go through commons-math3's {@link FastMath}, a pure-Java library whose
 * results do not depend on the CPU or JIT, so runs are bit-identical across machines.
 */
public final class LogMath {
  private LogMath() {}

  /** log Σᵢ exp(xᵢ); −∞ for an empty array or when every xᵢ is −∞. */
  public static double logSumExp(double[] x) {
    return logSumExp(x, x.length);
  }

  /** log Σ_{i &lt; n} exp(xᵢ). */
  public static double logSumExp(double[] x, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += FastMath.exp(x[i] - max);
    }
    return max + FastMath.log(sum);
  }

  /** log(exp(a) + exp(b)). */
  public static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + FastMath.log1p(FastMath.exp(-Math.abs(a - b)));
  }

  /**
   * Kish's effective sample size of unnormalised log-weights: ESS = (Σ w)² / Σ w². Zero when
   * every weight is zero.
   */
  public static double effectiveSampleSize(double[] logWeights, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (logWeights[i] > max) {
        max = logWeights[i];
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    double sum = 0.0;
    double sumSquares = 0.0;
    for (int i = 0; i < n; i++) {
      double w = FastMath.exp(logWeights[i] - max);
      sum += w;
      sumSquares += w * w;
    }
    return sum * sum / sumSquares;
  }

  /** Normalised weights exp(logWeightᵢ) / Σ exp(logWeight); all zero if every weight is zero. */
  public static double[] normalise(double[] logWeights, int n) {
    double logTotal = logSumExp(logWeights, n);
    double[] w = new double[n];
    if (logTotal == Double.NEGATIVE_INFINITY) {
      return w;
    }
    for (int i = 0; i < n; i++) {
      w[i] = FastMath.exp(logWeights[i] - logTotal);
    }
    return w;
  }

  /** β·ℓ with the convention 0·(−∞) = 0: at β = 0 every point has tempered likelihood L⁰ = 1. */
  public static double tempered(double beta, double logLikelihood) {
    return beta == 0.0 ? 0.0 : beta * logLikelihood;
  }
}
