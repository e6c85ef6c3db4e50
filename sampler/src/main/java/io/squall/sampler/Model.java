package io.squall.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A Bayesian model as the sampler sees it: a dimension, parameter names and boundaries, a prior
 * transform (unit cube → θ) and a batch log-likelihood.
 *
 * <p>The sampler itself only ever calls {@link #theta} (to report θ) and hands unit-cube points to
 * whoever evaluates them; the evaluator calls {@link #logLikelihoodsOfUnitCube}. Implementations
 * must be deterministic functions of their input: every mode (sequential, local, cluster) relies
 * on it for bit-identical results. Models may be evaluated from several threads at once, so they
 * should be stateless or thread-safe.
 *
 * <p>Use {@link #of(Prior, LogLikelihood)} for a per-point lambda, {@link #vectorized} for a batch
 * one, or implement the interface (the built-in examples do).
 */
public interface Model {
  /** Number of parameters d. */
  int dimension();

  /** One name per parameter, in order. */
  default List<String> parameterNames() {
    return Prior.defaultNames(dimension());
  }

  /** One boundary per parameter, in order; by default proposals leaving the cube are rejected. */
  default List<Boundary> boundaries() {
    return Collections.nCopies(dimension(), Boundary.NONE);
  }

  /** The prior transform θ(u). */
  double[] theta(double[] unitCube);

  /**
   * Log-likelihoods of a batch of physical points, {@code thetas[i]} being the i-th point. Values
   * may be −∞; NaN and +∞ are reported as errors by the sampler.
   */
  double[] logLikelihoods(double[][] thetas);

  /** The log-evidence, where it is known analytically (for tests and benchmarks). */
  default OptionalDouble knownLogEvidence() {
    return OptionalDouble.empty();
  }

  /** Maps each unit-cube point to θ and evaluates the batch: what a worker does with a task. */
  default double[] logLikelihoodsOfUnitCube(double[][] unitPoints) {
    double[][] thetas = new double[unitPoints.length][];
    for (int i = 0; i < unitPoints.length; i++) {
      thetas[i] = theta(unitPoints[i]);
    }
    return logLikelihoods(thetas);
  }

  /** A model from a product prior and a per-point log-likelihood. */
  static Model of(Prior prior, LogLikelihood logLikelihood) {
    return of(prior, batchOf(logLikelihood));
  }

  /** A model from a product prior and a vectorized log-likelihood. */
  static Model vectorized(Prior prior, BatchLogLikelihood logLikelihood) {
    return of(prior, logLikelihood);
  }

  /** A model from any prior transform, with explicit names and boundaries. */
  static Model of(
      List<String> parameterNames,
      List<Boundary> boundaries,
      PriorTransform prior,
      BatchLogLikelihood logLikelihood) {
    List<String> problems = new ArrayList<>();
    if (parameterNames.isEmpty()) {
      problems.add("a model needs at least one parameter");
    }
    if (boundaries.size() != parameterNames.size()) {
      problems.add("a model with " + parameterNames.size() + " parameters needs as many boundaries, got "
          + boundaries.size());
    }
    SettingsException.throwIfAny(problems);
    List<String> names = List.copyOf(parameterNames);
    List<Boundary> walls = List.copyOf(boundaries);
    return new Model() {
      @Override
      public int dimension() {
        return names.size();
      }

      @Override
      public List<String> parameterNames() {
        return names;
      }

      @Override
      public List<Boundary> boundaries() {
        return walls;
      }

      @Override
      public double[] theta(double[] unitCube) {
        return prior.theta(unitCube);
      }

      @Override
      public double[] logLikelihoods(double[][] thetas) {
        return logLikelihood.logLikelihoods(thetas);
      }
    };
  }

  /** Adapts a per-point log-likelihood to the batch form. */
  static BatchLogLikelihood batchOf(LogLikelihood logLikelihood) {
    return thetas -> {
      double[] out = new double[thetas.length];
      for (int i = 0; i < thetas.length; i++) {
        out[i] = logLikelihood.logLikelihood(thetas[i]);
      }
      return out;
    };
  }

  private static Model of(Prior prior, BatchLogLikelihood logLikelihood) {
    return of(prior.parameterNames(), prior.boundaries(), prior, logLikelihood);
  }
}
