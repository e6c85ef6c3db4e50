package io.squall.process;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.squall.sampler.Coordinate;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.Prior;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a {@code process} model, read once from its parameters.
 *
 * @param command the child's command line, e.g. {@code [python3, gauss.py]}
 * @param workingDirectory where the child runs (relative paths of the command resolve there)
 * @param environment variables added to the child's environment
 * @param dimension the number of parameters d
 * @param prior the prior of the settings, or empty when the child transforms unit-cube points itself
 * @param parameterNames one name per parameter
 * @param taskTimeout how long one batch may take before the child is deemed hung, killed and restarted
 * @param startTimeout how long the child may take to send its handshake
 * @param maxRestarts how many times a task is retried on a fresh child after a crash or a hang
 */
public record ProcessSettings(List<String> command, Path workingDirectory, Map<String, String> environment,
    int dimension, Optional<Prior> prior, List<String> parameterNames, Duration taskTimeout, Duration startTimeout,
    int maxRestarts) {
  /** The model name under which settings select a process model. */
  public static final String MODEL_NAME = "process";
  /** Value of {@code prior} that delegates the prior to the child. */
  public static final String PRIOR_IN_PROCESS = "process";

  private static final String ENVIRONMENT = "environment.";
  private static final Pattern PRIOR = Pattern.compile(
      "\\s*(uniform|normal|log-uniform)\\s*\\(\\s*([^,()\\s]+)\\s*,\\s*([^,()\\s]+)\\s*\\)\\s*");

  public ProcessSettings {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    parameterNames = List.copyOf(parameterNames);
  }

  /** Reads and checks the parameters of a process model; every problem is reported at once. */
  public static ProcessSettings from(ModelParameters params) {
    List<String> command = list(params, "command", "");
    params.require(!command.isEmpty(), "parameter 'command' is required: the child's command line, e.g. "
        + "command = [\"python3\", \"my_likelihood.py\"]");
    Path directory = Path.of(params.getString("working-directory", "."));
    Map<String, String> environment = new TreeMap<>();
    for (String key : params.values().keySet()) {
      if (key.startsWith(ENVIRONMENT)) {
        environment.put(key.substring(ENVIRONMENT.length()), params.getString(key, ""));
      }
    }
    int dim = params.getInt("dim", 0);
    params.require(dim >= 1, "parameter 'dim' is required and must be >= 1, got " + dim);
    List<String> names = list(params, "names", "");
    if (names.isEmpty() && dim >= 1) {
      names = Prior.defaultNames(dim);
    }
    params.require(names.size() == Math.max(dim, 1), "parameter 'names' needs " + dim + " names, got " + names);
    params.getString("prior", PRIOR_IN_PROCESS); // read even when the names are wrong: not "unknown"
    Optional<Prior> prior = dim >= 1 && names.size() == dim ? prior(params, names) : Optional.empty();
    double taskTimeout = params.getDouble("task-timeout-s", 600);
    double startTimeout = params.getDouble("start-timeout-s", 120);
    params.require(taskTimeout > 0, "parameter 'task-timeout-s' must be > 0, got " + taskTimeout);
    params.require(startTimeout > 0, "parameter 'start-timeout-s' must be > 0, got " + startTimeout);
    int maxRestarts = params.getInt("max-restarts", 3);
    params.require(maxRestarts >= 0, "parameter 'max-restarts' must be >= 0, got " + maxRestarts);
    params.finish();
    return new ProcessSettings(command, directory, environment, dim, prior, names, seconds(taskTimeout),
        seconds(startTimeout), maxRestarts);
  }

  /** The prior: {@code process}, one spec for every coordinate, or a list of one spec per coordinate. */
  private static Optional<Prior> prior(ModelParameters params, List<String> names) {
    List<String> specs = list(params, "prior", PRIOR_IN_PROCESS);
    if (specs.size() == 1 && specs.get(0).trim().equalsIgnoreCase(PRIOR_IN_PROCESS)) {
      return Optional.empty();
    }
    if (specs.size() == 1) {
      specs = Collections.nCopies(names.size(), specs.get(0));
    }
    if (specs.size() != names.size()) {
      params.require(false, "parameter 'prior' needs one entry per parameter (" + names.size() + "), got " + specs);
      return Optional.empty();
    }
    List<Coordinate> coordinates = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      try {
        coordinates.add(coordinate(names.get(i), specs.get(i)));
      } catch (IllegalArgumentException e) {
        params.require(false, "parameter 'prior' of '" + names.get(i) + "': " + e.getMessage());
      }
    }
    return coordinates.size() == names.size() ? Optional.of(Prior.of(coordinates)) : Optional.empty();
  }

  /** {@code uniform(a, b)}, {@code normal(mean, sd)} or {@code log-uniform(a, b)}. */
  static Coordinate coordinate(String name, String spec) {
    Matcher m = PRIOR.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + spec + "' is not uniform(low, high), normal(mean, sd), "
          + "log-uniform(low, high) or process");
    }
    double a = Double.parseDouble(m.group(2));
    double b = Double.parseDouble(m.group(3));
    return switch (m.group(1).toLowerCase(Locale.ROOT)) {
      case "uniform" -> Coordinate.uniform(name, a, b);
      case "normal" -> Coordinate.normal(name, a, b);
      default -> Coordinate.logUniform(name, a, b);
    };
  }

  /**
   * A list parameter: a HOCON/JSON list ({@code ["python3", "x.py"]}, as settings files render
   * lists) or a single string split at white space ({@code --param command="python3 x.py"}).
   * For {@code prior} a single string is one entry.
   */
  private static List<String> list(ModelParameters params, String key, String fallback) {
    String raw = params.getString(key, fallback).trim();
    if (!raw.startsWith("[")) {
      if (raw.isEmpty()) {
        return List.of();
      }
      return key.equals("prior") ? List.of(raw) : List.of(raw.split("\\s+"));
    }
    try {
      List<String> items = new ArrayList<>();
      for (Object item : ConfigFactory.parseString("v = " + raw).getList("v").unwrapped()) {
        items.add(String.valueOf(item));
      }
      return items;
    } catch (ConfigException e) {
      params.require(false, "parameter '" + key + "' is not a list of strings: " + raw);
      return List.of();
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
  }

  /** The command as one line, for messages. */
  public String commandLine() {
    return String.join(" ", command);
  }
}
