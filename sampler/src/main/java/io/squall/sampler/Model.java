package io.squall.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

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
 *
 * <p><b>Derived values.</b> A model may compute named extra values with each evaluation (see
 * {@link Evaluation}): declare their names in {@link #derivedNames()} and return them from
 * {@link #evaluate}, or build the model with {@link #withDerived} / {@link #vectorizedWithDerived}.
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

  /**
   * Names of the derived values returned with every evaluation, in order; empty (the default) for
   * a model that returns log-likelihoods only.
   */
  default List<String> derivedNames() {
    return List.of();
  }

  /**
   * Log-likelihoods and derived values of a batch of physical points. The default wraps
   * {@link #logLikelihoods}; a model with {@link #derivedNames() derived values} overrides it.
   */
  default Evaluation evaluate(double[][] thetas) {
    return Evaluation.of(logLikelihoods(thetas));
  }

  /** The log-evidence, where it is known analytically (for tests and benchmarks). */
  default OptionalDouble knownLogEvidence() {
    return OptionalDouble.empty();
  }

  /** Maps each unit-cube point to θ and evaluates the batch: what a worker does with a task. */
  default Evaluation evaluateUnitCube(double[][] unitPoints) {
    return evaluate(thetas(unitPoints));
  }

  /** Maps each unit-cube point to θ and returns the log-likelihoods only. */
  default double[] logLikelihoodsOfUnitCube(double[][] unitPoints) {
    return logLikelihoods(thetas(unitPoints));
  }

  private double[][] thetas(double[][] unitPoints) {
    double[][] thetas = new double[unitPoints.length][];
    for (int i = 0; i < unitPoints.length; i++) {
      thetas[i] = theta(unitPoints[i]);
    }
    return thetas;
  }

  /** A model from a product prior and a per-point log-likelihood. */
  static Model of(Prior prior, LogLikelihood logLikelihood) {
    return of(prior, batchOf(logLikelihood));
  }

  /** A model from a product prior and a vectorized log-likelihood. */
  static Model vectorized(Prior prior, BatchLogLikelihood logLikelihood) {
    return of(prior, logLikelihood);
  }

  /**
   * A model from a product prior and a per-point likelihood that also returns the derived values
   * named {@code derivedNames}.
   */
  static Model withDerived(Prior prior, List<String> derivedNames, PointEvaluation evaluation) {
    return vectorizedWithDerived(prior, derivedNames, pointwise(evaluation));
  }

  /** Adapts a per-point likelihood with derived values to the batch form. */
  static BatchEvaluation pointwise(PointEvaluation evaluation) {
    return thetas -> {
      double[] values = new double[thetas.length];
      double[][] derived = new double[thetas.length][];
      for (int i = 0; i < thetas.length; i++) {
        Evaluation.Point point = evaluation.evaluate(thetas[i]);
        values[i] = point.logLikelihood();
        derived[i] = point.derived();
      }
      return new Evaluation(values, derived);
    };
  }

  /**
   * A model from a product prior and a vectorized likelihood that also returns the derived values
   * named {@code derivedNames}.
   */
  static Model vectorizedWithDerived(Prior prior, List<String> derivedNames, BatchEvaluation evaluation) {
    return of(prior.parameterNames(), prior.boundaries(), prior, derivedNames, evaluation);
  }

  /** A model from any prior transform, with explicit names and boundaries. */
  static Model of(
      List<String> parameterNames,
      List<Boundary> boundaries,
      PriorTransform prior,
      BatchLogLikelihood logLikelihood) {
    return of(parameterNames, boundaries, prior, List.of(),
        thetas -> Evaluation.of(logLikelihood.logLikelihoods(thetas)));
  }

  /**
   * A model from any prior transform, with explicit names and boundaries, whose likelihood also
   * returns the derived values named {@code derivedNames} (one row of that length per point).
   */
  static Model of(
      List<String> parameterNames,
      List<Boundary> boundaries,
      PriorTransform prior,
      List<String> derivedNames,
      BatchEvaluation evaluation) {
    List<String> problems = new ArrayList<>();
    if (parameterNames.isEmpty()) {
      problems.add("a model needs at least one parameter");
    }
    if (boundaries.size() != parameterNames.size()) {
      problems.add("a model with " + parameterNames.size() + " parameters needs as many boundaries, got "
          + boundaries.size());
    }
    problems.addAll(derivedNameProblems(parameterNames, derivedNames));
    SettingsException.throwIfAny(problems);
    List<String> names = List.copyOf(parameterNames);
    List<Boundary> walls = List.copyOf(boundaries);
    List<String> extras = List.copyOf(derivedNames);
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
      public List<String> derivedNames() {
        return extras;
      }

      @Override
      public double[] logLikelihoods(double[][] thetas) {
        return evaluate(thetas).logLikelihoods();
      }

      @Override
      public Evaluation evaluate(double[][] thetas) {
        return evaluation.evaluate(thetas);
      }
    };
  }

  /**
   * What is wrong with {@code derivedNames}: blank or repeated names, or names that clash with a
   * parameter (they share the columns of {@code samples.csv}).
   */
  static List<String> derivedNameProblems(List<String> parameterNames, List<String> derivedNames) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>(parameterNames);
    for (String name : derivedNames) {
      if (name == null || name.isBlank()) {
        problems.add("a derived value needs a non-blank name, got '" + name + "'");
      } else if (!seen.add(name)) {
        problems.add("derived value name '" + name + "' is used twice or is also a parameter name");
      }
    }
    return problems;
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
