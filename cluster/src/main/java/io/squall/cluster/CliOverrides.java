package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings given on the command line, layered over the config file.
 *
 * @param model {@code --model}: replaces the model name and drops the params block of the files
 * @param params {@code --param key=value}: added to (and overriding) the model's params
 * @param seed {@code --seed}
 * @param outputDir {@code --out}
 * @param execution how to execute the run
 * @param keys other settings given by options, by HOCON key (e.g. {@code squall.cluster.min-workers})
 */
public record CliOverrides(
    Optional<String> model,
    Map<String, String> params,
    Optional<Long> seed,
    Optional<Path> outputDir,
    Execution execution,
    Map<String, Object> keys) {

  public CliOverrides {
    params = Map.copyOf(params);
    keys = Map.copyOf(keys);
  }

  /** Overrides without other keys. */
  public CliOverrides(Optional<String> model, Map<String, String> params, Optional<Long> seed,
      Optional<Path> outputDir, Execution execution) {
    this(model, params, seed, outputDir, execution, Map.of());
  }

  /** No overrides: sequential, everything from the settings files. */
  public static CliOverrides none() {
    return new CliOverrides(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
        Execution.sequential());
  }

  /** The scalar overrides as a config layer (params are merged by {@link SettingsReader}). */
  Config asConfig() {
    Map<String, Object> values = new LinkedHashMap<>();
    model.ifPresent(name -> values.put(SettingKeys.MODEL_NAME, name));
    seed.ifPresent(s -> values.put(SettingKeys.SEED, s));
    outputDir.ifPresent(dir -> values.put(SettingKeys.OUTPUT_DIR, dir.toString()));
    values.putAll(keys);
    return ConfigFactory.parseMap(values, "command line");
  }
}
