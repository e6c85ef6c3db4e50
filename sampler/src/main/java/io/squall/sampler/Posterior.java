package io.squall.sampler;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The weighted posterior: every particle of the pool with its importance weight at β = 1
 * (normalised to sum to one), its log-likelihood and θ. Expectations are Σᵢ wᵢ·f(θᵢ).
 */
public final class Posterior {
  private final List<String> parameterNames;
  private final double[][] theta;
  private final double[] weights;
  private final double[] logLikelihoods;

  /** Arrays are copied. */
  public Posterior(List<String> parameterNames, double[][] theta, double[] weights, double[] logLikelihoods) {
    this.parameterNames = List.copyOf(parameterNames);
    this.theta = deepCopy(theta);
    this.weights = weights.clone();
    this.logLikelihoods = logLikelihoods.clone();
  }

  public List<String> parameterNames() {
    return parameterNames;
  }

  public int size() {
    return weights.length;
  }

  public int dimension() {
    return parameterNames.size();
  }

  /** θ of particle i (a copy). */
  public double[] theta(int i) {
    return theta[i].clone();
  }

  /** Component j of θ of particle i. */
  public double theta(int i, int j) {
    return theta[i][j];
  }

  /** All θ (a copy), one row per particle. */
  public double[][] thetas() {
    return deepCopy(theta);
  }

  /** Normalised weights (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  public double weight(int i) {
    return weights[i];
  }

  /** Log-likelihoods (a copy). */
  public double[] logLikelihoods() {
    return logLikelihoods.clone();
  }

  public double logLikelihood(int i) {
    return logLikelihoods[i];
  }

  /** Weighted mean Σᵢ wᵢθᵢ. */
  public double[] mean() {
    double[] mean = new double[dimension()];
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += weights[i] * theta[i][j];
      }
    }
    return mean;
  }

  /** Weighted standard deviation √(Σᵢ wᵢ(θᵢ − mean)²) per coordinate. */
  public double[] std() {
    double[] mean = mean();
    double[] var = new double[mean.length];
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < mean.length; j++) {
        double delta = theta[i][j] - mean[j];
        var[j] += weights[i] * delta * delta;
      }
    }
    for (int j = 0; j < var.length; j++) {
      var[j] = Math.sqrt(var[j]);
    }
    return var;
  }

  /**
   * An equal-weight sample: {@code n} rows of θ drawn from the weights by systematic resampling
   * with {@code rng} (pass {@code RandomStreams.create(seed, Purpose.OUTPUT)} for a reproducible
   * one).
   */
  public double[][] equalWeightSamples(int n, UniformRandomProvider rng) {
    int[] picks = Resampler.systematic(weights, n, rng);
    double[][] out = new double[n][];
    for (int k = 0; k < n; k++) {
      out[k] = theta[picks[k]].clone();
    }
    return out;
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }
}
