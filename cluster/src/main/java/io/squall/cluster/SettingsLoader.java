package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import io.squall.sampler.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the settings of a run once, at start-up: the defaults (classpath resource
 * {@value #DEFAULTS_RESOURCE}, a copy of {@code conf/squall.conf}), then the user's HOCON file,
 * then the command-line options, each layer over the previous one. Validation reports every
 * problem at once in one {@link SettingsException}.
 */
public final class SettingsLoader {
  /** The classpath resource holding the commented defaults. */
  public static final String DEFAULTS_RESOURCE = "squall.conf";

  private SettingsLoader() {}

  /** The settings from the defaults, {@code configFile} if given, and {@code overrides}. */
  public static RunSettings load(Optional<Path> configFile, CliOverrides overrides) {
    return load(configFile, overrides, ConfigFactory.empty());
  }

  /**
   * The settings of a resumed run: as {@link #load(Optional, CliOverrides)} with the settings a
   * checkpoint recorded ({@code resumed}, see {@link Checkpoints#layer}) between the user's file
   * and the defaults, so that what is not given again is what the checkpointed run used.
   */
  public static RunSettings load(Optional<Path> configFile, CliOverrides overrides, Config resumed) {
    Config defaults = defaults();
    Config user = configFile.map(SettingsLoader::parseFile).orElse(ConfigFactory.empty());
    String origin = configFile.map(Path::toString).orElse("the settings");
    boolean userNamesModel = overrides.model().isPresent() || namesModel(user);
    Config layers = overrides.asConfig().withFallback(userLayer(user, overrides))
        .withFallback(userNamesModel ? resumed.withoutPath(SettingKeys.MODEL_PARAMS) : resumed)
        .withFallback(defaultsLayer(defaults, userNamesModel || namesModel(resumed)));
    Config merged = resolve(layers, origin);
    List<String> problems = new ArrayList<>();
    if (configFile.isPresent()) {
      UnknownKeys unknown = new UnknownKeys(UnknownKeys.leafKeys(defaults));
      problems.addAll(unknown.check(user.resolveWith(merged), origin));
    }
    return new SettingsReader(merged, overrides).read(problems);
  }

  /** The user layer, without its params block when {@code --model} replaces it. */
  private static Config userLayer(Config user, CliOverrides overrides) {
    return overrides.model().isPresent() ? user.withoutPath(SettingKeys.MODEL_PARAMS) : user;
  }

  /**
   * The defaults layer, without its params block when a higher layer names the model: the params
   * block belongs to the model named in the same layer, so naming another model in a file does
   * not inherit, say, the default gaussian's {@code dim}.
   */
  private static Config defaultsLayer(Config defaults, boolean renamed) {
    return renamed ? defaults.withoutPath(SettingKeys.MODEL_PARAMS) : defaults;
  }

  private static boolean namesModel(Config layer) {
    try {
      return layer.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true))
          .hasPathOrNull(SettingKeys.MODEL_NAME);
    } catch (ConfigException.NotResolved e) {
      return true;
    }
  }

  /**
   * The built-in defaults, unresolved: {@value #DEFAULTS_RESOURCE}, then the {@code squall} keys
   * of the modules' {@code reference.conf} files (local mode's {@code squall.tasks.*} and
   * {@code squall.local.*}).
   */
  static Config defaults() {
    ClassLoader loader = SettingsLoader.class.getClassLoader();
    Config reference = ConfigFactory.parseResources(loader, "reference.conf").withOnlyPath("squall");
    return ConfigFactory.parseResources(loader, DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false))
        .withFallback(reference);
  }

  private static Config parseFile(Path file) {
    if (!Files.exists(file)) {
      throw settingsProblem("cannot read config file '" + file + "': no such file");
    }
    if (Files.isDirectory(file)) {
      throw settingsProblem("cannot read config file '" + file + "': it is a folder");
    }
    if (!Files.isReadable(file)) {
      throw settingsProblem("cannot read config file '" + file + "': permission denied");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw settingsProblem("cannot read config file '" + file + "': " + e.getMessage());
    }
  }

  private static Config resolve(Config config, String origin) {
    try {
      return config.resolve();
    } catch (ConfigException e) {
      throw settingsProblem("cannot resolve " + origin + ": " + e.getMessage());
    }
  }

  private static SettingsException settingsProblem(String problem) {
    return new SettingsException(List.of(problem));
  }
}
