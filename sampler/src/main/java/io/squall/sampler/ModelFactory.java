package io.squall.sampler;

/**
 * Builds a {@link Model} from named parameters. This is how a model is named in settings (a
 * built-in name or a class name plus a {@code params} block), so that every node of a cluster can
 * construct its own instance: the JVM counterpart of "the likelihood must be picklable".
 *
 * <p>Implementations read their parameters from {@link ModelParameters} (which records every
 * problem) and must have a public no-argument constructor when named by class.
 */
@FunctionalInterface
public interface ModelFactory {
  /**
   * The model for {@code parameters}.
   *
   * @throws SettingsException listing every bad or unknown parameter
   */
  Model create(ModelParameters parameters);
}
