package io.squall.cluster;

import io.squall.sampler.Posterior;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NumPy files of a run, for Python users: {@value #SAMPLES} (N × d θ, one row per pool
 * particle, columns in the order of {@code parameterNames}), {@value #WEIGHTS} (N normalised
 * posterior weights), {@value #LOG_LIKELIHOODS} (N log-likelihoods) and, for a model with derived
 * values, {@value #DERIVED} (N × k). Rows are the rows of samples.csv.
 */
final class NpyOutputs {
  /** θ of every particle. */
  static final String SAMPLES = "samples.npy";
  /** Normalised posterior weights. */
  static final String WEIGHTS = "weights.npy";
  /** Log-likelihoods. */
  static final String LOG_LIKELIHOODS = "logl.npy";
  /** Derived values (models that have them). */
  static final String DERIVED = "derived.npy";

  private NpyOutputs() {}

  /** File name → content, in writing order. */
  static Map<String, AtomicFiles.Bytes> files(Posterior posterior) {
    Map<String, AtomicFiles.Bytes> files = new LinkedHashMap<>();
    files.put(SAMPLES, out -> NpyFile.write(posterior.thetas(), posterior.dimension(), out));
    files.put(WEIGHTS, out -> NpyFile.write(posterior.weights(), out));
    files.put(LOG_LIKELIHOODS, out -> NpyFile.write(posterior.logLikelihoods(), out));
    if (!posterior.derivedNames().isEmpty()) {
      files.put(DERIVED, out -> NpyFile.write(posterior.derived(), posterior.derivedNames().size(), out));
    }
    return files;
  }
}
