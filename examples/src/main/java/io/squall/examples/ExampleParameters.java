package io.squall.examples;

import io.squall.sampler.Model;
import io.squall.sampler.ModelParameters;
import java.util.function.Supplier;

/**
 * Parameter reading shared by the factories of the built-in examples, so that every model words
 * its problems alike and handles {@code delay-ms} in one place.
 */
final class ExampleParameters {
  /** The parameter every built-in example accepts: milliseconds of busy-wait per point. */
  static final String DELAY_MS = "delay-ms";
  /** How the delay is spent: spin (busy-wait, default) or sleep (no CPU). */
  static final String DELAY_KIND = "delay-kind";

  private ExampleParameters() {}

  /** The dimension {@code dim}, at least {@code minimum}. */
  static int dimension(ModelParameters params, int fallback, int minimum) {
    int dim = params.getInt("dim", fallback);
    params.require(dim >= minimum, "parameter 'dim' must be >= " + minimum + ", got " + dim);
    return dim;
  }

  /** A real parameter that must be > 0. */
  static double positive(ModelParameters params, String key, double fallback) {
    double value = params.getDouble(key, fallback);
    params.require(value > 0, "parameter '" + key + "' must be > 0, got " + value);
    return value;
  }

  /**
   * Reads {@code delay-ms} and {@code delay-kind}, throws a
   * {@link io.squall.sampler.SettingsException} listing every problem recorded so far (and every
   * unknown parameter), and only then builds the model, wrapped in a {@link DelayedModel} when a
   * delay is asked for.
   */
  static Model finish(ModelParameters params, Supplier<Model> build) {
    double delayMs = params.getDouble(DELAY_MS, 0.0);
    params.require(delayMs >= 0, "parameter '" + DELAY_MS + "' must be >= 0, got " + delayMs);
    String kindName = params.getString(DELAY_KIND, "spin");
    DelayedModel.Kind kind = DelayedModel.Kind.named(kindName);
    params.require(kind != null, "parameter '" + DELAY_KIND + "' must be spin or sleep, got '" + kindName + "'");
    params.finish();
    return DelayedModel.wrap(build.get(), delayMs, kind);
  }
}
