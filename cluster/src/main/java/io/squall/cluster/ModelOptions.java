package io.squall.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The settings options of {@code squall master} and {@code squall worker}: a file, the model. */
final class ModelOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "HOCON settings file layered over the defaults (squall.cluster.* and the rest); "
          + "unknown keys under 'squall' are errors.")
  Path configFile;

  @Option(names = {"-m", "--model"}, paramLabel = "NAME",
      description = {"Model: a built-in name or the class name of an io.squall.sampler.ModelFactory on the "
          + "classpath (squall.model.name); replaces the model AND its params block.",
          "Master and workers must name the same model and parameters."})
  String model;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "A model parameter, repeatable; overrides or adds to squall.model.params.")
  List<String> params = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
  boolean verbose;

  /** The overrides of these options plus the command's own. */
  CliOverrides overrides(Optional<Long> seed, Optional<Path> out, Execution execution, Map<String, Object> keys) {
    return new CliOverrides(Optional.ofNullable(model), ParamParser.parse(params), seed, out, execution, keys);
  }

  /** The settings of these options plus the command's own. */
  RunSettings load(Optional<Long> seed, Optional<Path> out, Execution execution, Map<String, Object> keys) {
    return SettingsLoader.load(Optional.ofNullable(configFile), overrides(seed, out, execution, keys));
  }
}
