package io.squall.examples;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in example models, by name: the reference problems of Squall's design notes, with
 * known log-evidences for tests and benchmarks, and an expensive simulation-based likelihood
 * ({@code nbody}) whose evidence is unknown.
 *
 * <table>
 *   <caption>Built-in models (every one also accepts {@code delay-ms})</caption>
 *   <tr><th>name</th><th>parameters (defaults)</th><th>class</th></tr>
 *   <tr><td>{@code gaussian}</td><td>dim (10), sigma (1), correlation (0), half-width (10)</td>
 *       <td>{@link GaussianModel}</td></tr>
 *   <tr><td>{@code shells}</td><td>dim (2), radius (2), width (0.1)</td><td>{@link ShellsModel}</td></tr>
 *   <tr><td>{@code eggbox}</td><td>dim (2, the only value)</td><td>{@link EggboxModel}</td></tr>
 *   <tr><td>{@code rosenbrock}</td><td>dim (10, even)</td><td>{@link RosenbrockModel}</td></tr>
 *   <tr><td>{@code nbody}</td><td>bodies (128), steps (1000), ic-seed (1); no known evidence</td>
 *       <td>{@link NBodyModel}</td></tr>
 * </table>
 *
 * <pre>{@code
 * Model corr20 = ExampleModels.create("gaussian", Map.of("dim", "20", "correlation", "0.9"));
 * corr20.knownLogEvidence(); // -59.9146
 * }</pre>
 *
 * Each model's factory is also a public class with a public no-argument constructor (for example
 * {@code io.squall.examples.GaussianModel$Factory}), so it can be named by class as well.
 */
public final class ExampleModels {
  private static final Map<String, ModelFactory> FACTORIES = factories();

  private ExampleModels() {}

  /** The names of the built-in models, in a fixed order. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * The factory of the built-in model {@code name}.
   *
   * @throws SettingsException if no built-in model has that name (the message lists the names)
   */
  public static ModelFactory factory(String name) {
    Objects.requireNonNull(name, "name");
    ModelFactory factory = FACTORIES.get(name);
    if (factory == null) {
      throw new SettingsException(List.of("unknown example model '" + name + "' (known: "
          + String.join(", ", FACTORIES.keySet()) + ")"));
    }
    return factory;
  }

  /**
   * The built-in model {@code name} with parameters {@code params} (values as strings).
   *
   * @throws SettingsException for an unknown name, or listing every bad or unknown parameter
   */
  public static Model create(String name, Map<String, String> params) {
    Objects.requireNonNull(params, "params");
    return factory(name).create(ModelParameters.of(name, params));
  }

  private static Map<String, ModelFactory> factories() {
    Map<String, ModelFactory> factories = new LinkedHashMap<>();
    factories.put("gaussian", new GaussianModel.Factory());
    factories.put("shells", new ShellsModel.Factory());
    factories.put("eggbox", new EggboxModel.Factory());
    factories.put("rosenbrock", new RosenbrockModel.Factory());
    factories.put("nbody", new NBodyModel.Factory());
    return Collections.unmodifiableMap(factories);
  }
}
