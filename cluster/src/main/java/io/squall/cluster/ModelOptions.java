package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The settings options of {@code squall master} and {@code squall worker}: a file and the model.
 * For containers the model can also come from the environment: {@value #MODEL_VARIABLE} is the
 * default of {@code --model}, and {@value #PARAMS_VARIABLE} holds {@code key=value} parameters
 * separated by commas or spaces, applied before the {@code --param} options.
 */
final class ModelOptions {
  /** Environment variable with the model's name (the default of {@code --model}). */
  static final String MODEL_VARIABLE = "SQUALL_MODEL";
  /** Environment variable with model parameters, e.g. {@code dim=4,delay-ms=2}. */
  static final String PARAMS_VARIABLE = "SQUALL_PARAMS";

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:SQUALL_CONFIG}",
      description = "HOCON settings file layered over the defaults (squall.cluster.* and the rest; default: "
          + "$SQUALL_CONFIG); unknown keys under 'squall' are errors.")
  Path configFile;

  @Option(names = {"-m", "--model"}, paramLabel = "NAME", defaultValue = "${env:" + MODEL_VARIABLE + "}",
      description = {"Model: a built-in name or the class name of an io.squall.sampler.ModelFactory on the "
          + "classpath (squall.model.name); replaces the model AND its params block.",
          "Master and workers must name the same model and parameters. Default: $SQUALL_MODEL."})
  String model;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "A model parameter, repeatable; overrides or adds to squall.model.params "
          + "(and to $SQUALL_PARAMS, e.g. \"dim=4,delay-ms=2\").")
  List<String> params = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
  boolean verbose;

  /** The overrides of these options plus the command's own. */
  CliOverrides overrides(Optional<Long> seed, Optional<Path> out, Execution execution, Map<String, Object> keys) {
    List<String> all = new ArrayList<>(environmentParams(System.getenv(PARAMS_VARIABLE)));
    all.addAll(params);
    String name = model == null || model.isBlank() ? null : model.trim();
    return new CliOverrides(Optional.ofNullable(name), ParamParser.parse(all), seed, out, execution, keys);
  }

  /** The {@code key=value} items of {@code text}, separated by commas or white space. */
  static List<String> environmentParams(String text) {
    List<String> items = new ArrayList<>();
    if (text != null) {
      for (String item : text.split("[,\\s]+")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** The settings of these options plus the command's own. */
  RunSettings load(Optional<Long> seed, Optional<Path> out, Execution execution, Map<String, Object> keys) {
    return load(seed, out, execution, keys, ConfigFactory.empty());
  }

  /**
   * As {@link #load(Optional, Optional, Execution, Map)} over the settings of a checkpoint
   * ({@link Checkpoints#layer}).
   */
  RunSettings load(Optional<Long> seed, Optional<Path> out, Execution execution, Map<String, Object> keys,
      Config resumed) {
    return SettingsLoader.load(Optional.ofNullable(configFile), overrides(seed, out, execution, keys), resumed);
  }
}
