package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model returns for a batch of n points: one log-likelihood per point and, for models with
 * derived values ("blobs": quantities computed along with the likelihood that the user wants with
 * every sample, e.g. a predicted observable or a simulation's side product), k derived values per
 * point, k being {@code model.derivedNames().size()}.
 *
 * <p>The sampler stores the derived values with their particle; they follow it through resampling
 * and accepted MCMC moves, and appear in the posterior and in {@code samples.csv}.
 *
 * @param logLikelihoods one log-likelihood per point, in batch order
 * @param derived one row of k derived values per point (n rows of length 0 when k = 0)
 */
public record Evaluation(double[] logLikelihoods, double[][] derived) {
  private static final double[] NONE = new double[0];

  /** Checks that there is one row of derived values per log-likelihood and that rows have equal length. */
  public Evaluation {
    List<String> problems = new ArrayList<>();
    if (logLikelihoods == null) {
      problems.add("logLikelihoods is null");
    }
    if (derived == null) {
      problems.add("derived is null (use Evaluation.of(logLikelihoods) for a model without derived values)");
    }
    if (problems.isEmpty() && derived.length != logLikelihoods.length) {
      problems.add(derived.length + " rows of derived values for " + logLikelihoods.length + " log-likelihoods");
    }
    if (problems.isEmpty()) {
      for (int i = 0; i < derived.length; i++) {
        if (derived[i] == null || derived[i].length != derived[0].length) {
          problems.add("row " + i + " of the derived values has " + (derived[i] == null ? "no values"
              : derived[i].length + " values") + " but row 0 has " + derived[0].length);
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid evaluation: " + String.join("; ", problems));
    }
  }

  /** An evaluation without derived values. */
  public static Evaluation of(double[] logLikelihoods) {
    double[][] none = new double[logLikelihoods.length][];
    Arrays.fill(none, NONE);
    return new Evaluation(logLikelihoods, none);
  }

  /** Number of points n. */
  public int size() {
    return logLikelihoods.length;
  }

  /** Number of derived values per point k (0 for an empty batch). */
  public int derivedCount() {
    return derived.length == 0 ? 0 : derived[0].length;
  }

  /** Points {@code from … from + length − 1} (arrays shared, not copied). */
  public Evaluation slice(int from, int length) {
    return new Evaluation(Arrays.copyOfRange(logLikelihoods, from, from + length),
        Arrays.copyOfRange(derived, from, from + length));
  }

  /** The log-likelihood and derived values of one point. */
  public record Point(double logLikelihood, double[] derived) {
    /** A point without derived values. */
    public static Point of(double logLikelihood) {
      return new Point(logLikelihood, NONE);
    }
  }
}
