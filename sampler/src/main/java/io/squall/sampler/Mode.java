package io.squall.sampler;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.FastMath;

/**
 * The proposal statistics of one mode of the target, in unit-cube coordinates: the weighted mean μ
 * and covariance C = L·Lᵀ of the trimmed pool (or of one cluster of it), fitted in the "train"
 * step. The kernels move walkers with these.
 */
public final class Mode {
  private static final double LOG_TWO_PI = FastMath.log(2.0 * Math.PI);

  private final double[] mean;
  private final double[][] cholesky;
  private final double logDeterminant;

  private Mode(double[] mean, double[][] cholesky) {
    this.mean = mean;
    this.cholesky = cholesky;
    double sum = 0.0;
    for (int i = 0; i < cholesky.length; i++) {
      sum += FastMath.log(cholesky[i][i]);
    }
    this.logDeterminant = 2.0 * sum;
  }

  /**
   * Fits μ = Σᵢ wᵢxᵢ / Σ wᵢ and the reliability-weighted covariance
   * C = Σᵢ wᵢ(xᵢ − μ)(xᵢ − μ)ᵀ / (V₁ − V₂/V₁), V₁ = Σ wᵢ, V₂ = Σ wᵢ², over the pool particles
   * {@code members} with weights {@code weights[k]} (not necessarily normalised). A jitter is added
   * to the diagonal when C is numerically singular (for instance one distinct point).
   */
  public static Mode fit(Pool pool, int[] members, double[] weights) {
    int d = pool.dimension();
    double[] mean = new double[d];
    double v1 = 0.0;
    double v2 = 0.0;
    for (int k = 0; k < members.length; k++) {
      double w = weights[k];
      v1 += w;
      v2 += w * w;
      for (int j = 0; j < d; j++) {
        mean[j] += w * pool.coordinate(members[k], j);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= v1;
    }
    double[][] cov = new double[d][d];
    double[] delta = new double[d];
    for (int k = 0; k < members.length; k++) {
      for (int j = 0; j < d; j++) {
        delta[j] = pool.coordinate(members[k], j) - mean[j];
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          cov[a][b] += weights[k] * delta[a] * delta[b];
        }
      }
    }
    double norm = v1 - v2 / v1;
    if (!(norm > 0)) {
      norm = v1;
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= norm;
        cov[b][a] = cov[a][b];
      }
    }
    return new Mode(mean, choleskyWithJitter(cov));
  }

  /** A mode from an explicit mean and covariance (tests, clustering). */
  public static Mode of(double[] mean, double[][] covariance) {
    return new Mode(mean.clone(), choleskyWithJitter(covariance));
  }

  /**
   * A mode from its mean and lower Cholesky factor exactly as stored (a checkpoint); no
   * factorisation is redone.
   */
  static Mode ofCholesky(double[] mean, double[][] cholesky) {
    double[][] copy = new double[cholesky.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = cholesky[i].clone();
    }
    return new Mode(mean.clone(), copy);
  }

  private static double[][] choleskyWithJitter(double[][] cov) {
    int d = cov.length;
    double scale = 0.0;
    for (int j = 0; j < d; j++) {
      scale = Math.max(scale, cov[j][j]);
    }
    double jitter = 1e-12 * Math.max(scale, 1e-12);
    for (int attempt = 0; attempt < 40; attempt++) {
      RealMatrix m = new Array2DRowRealMatrix(cov);
      if (attempt > 0) {
        for (int j = 0; j < d; j++) {
          m.addToEntry(j, j, jitter);
        }
        jitter *= 10;
      }
      try {
        return new CholeskyDecomposition(m, 1e-9, 0.0).getL().getData();
      } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
        // try again with a larger jitter
      }
    }
    throw new IllegalStateException("covariance of the pool cannot be factorised");
  }

  public int dimension() {
    return mean.length;
  }

  /** μ (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** Component j of μ. */
  public double mean(int j) {
    return mean[j];
  }

  /** The lower Cholesky factor L of C (a copy). */
  public double[][] cholesky() {
    double[][] copy = new double[cholesky.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = cholesky[i].clone();
    }
    return copy;
  }

  /** L·z. */
  public double[] scaleNormal(double[] z) {
    int d = mean.length;
    double[] out = new double[d];
    for (int i = 0; i < d; i++) {
      double sum = 0.0;
      for (int j = 0; j <= i; j++) {
        sum += cholesky[i][j] * z[j];
      }
      out[i] = sum;
    }
    return out;
  }

  /** log det C = 2·Σᵢ log Lᵢᵢ. */
  public double logDeterminant() {
    return logDeterminant;
  }

  /** The Gaussian log-density log N(u; μ, C) = −½·(d·ln 2π + log det C + (u − μ)ᵀ C⁻¹ (u − μ)). */
  public double logDensity(double[] u) {
    return -0.5 * (mean.length * LOG_TWO_PI + logDeterminant + mahalanobis2(u));
  }

  /** The squared Mahalanobis distance (u − μ)ᵀ C⁻¹ (u − μ), by forward substitution with L. */
  public double mahalanobis2(double[] u) {
    int d = mean.length;
    double[] y = new double[d];
    double total = 0.0;
    for (int i = 0; i < d; i++) {
      double sum = u[i] - mean[i];
      for (int j = 0; j < i; j++) {
        sum -= cholesky[i][j] * y[j];
      }
      y[i] = sum / cholesky[i][i];
      total += y[i] * y[i];
    }
    return total;
  }
}
