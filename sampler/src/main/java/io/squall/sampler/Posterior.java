package io.squall.sampler;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The weighted posterior: every particle of the pool with its importance weight at β = 1
 * (normalised to sum to one), its log-likelihood, θ and the model's derived values (if it has
 * any, see {@link Evaluation}). Expectations are Σᵢ wᵢ·f(θᵢ).
 */
public final class Posterior {
  private final List<String> parameterNames;
  private final double[][] theta;
  private final double[] weights;
  private final double[] logLikelihoods;
  private final List<String> derivedNames;
  private final double[][] derived;

  /** A posterior without derived values; arrays are copied. */
  public Posterior(List<String> parameterNames, double[][] theta, double[] weights, double[] logLikelihoods) {
    this(parameterNames, theta, weights, logLikelihoods, List.of(), new double[weights.length][0]);
  }

  /**
   * A posterior whose particle i also carries the derived values {@code derived[i]}, named by
   * {@code derivedNames}; arrays are copied.
   */
  public Posterior(List<String> parameterNames, double[][] theta, double[] weights, double[] logLikelihoods,
      List<String> derivedNames, double[][] derived) {
    if (derived.length != weights.length) {
      throw new IllegalArgumentException(derived.length + " rows of derived values for " + weights.length
          + " particles");
    }
    for (double[] row : derived) {
      if (row.length != derivedNames.size()) {
        throw new IllegalArgumentException("a row of " + row.length + " derived values for names " + derivedNames);
      }
    }
    this.parameterNames = List.copyOf(parameterNames);
    this.theta = deepCopy(theta);
    this.weights = weights.clone();
    this.logLikelihoods = logLikelihoods.clone();
    this.derivedNames = List.copyOf(derivedNames);
    this.derived = deepCopy(derived);
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

  /** Names of the derived values, in column order (empty if the model has none). */
  public List<String> derivedNames() {
    return derivedNames;
  }

  /** The derived values of particle i (a copy), in the order of {@link #derivedNames()}. */
  public double[] derived(int i) {
    return derived[i].clone();
  }

  /** Derived value k of particle i. */
  public double derived(int i, int k) {
    return derived[i][k];
  }

  /** All derived values (a copy), one row per particle. */
  public double[][] derived() {
    return deepCopy(derived);
  }

  /**
   * Weighted mean Σᵢ wᵢ·xᵢₖ of each derived value k (NaN for a value that is NaN at some particle
   * of positive weight).
   */
  public double[] derivedMean() {
    double[] mean = new double[derivedNames.size()];
    for (int i = 0; i < size(); i++) {
      if (weights[i] > 0) {
        for (int k = 0; k < mean.length; k++) {
          mean[k] += weights[i] * derived[i][k];
        }
      }
    }
    return mean;
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
