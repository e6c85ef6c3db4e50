package io.squall.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named parameters of a model ({@code --param key=value} or a HOCON {@code params} block),
 * read with typed getters that collect every problem instead of failing at the first. Call
 * {@link #finish()} after reading: it throws one {@link SettingsException} naming every mistyped,
 * out-of-range or unknown parameter.
 *
 * <pre>{@code
 * int dim = params.getInt("dim", 2);
 * double sigma = params.getDouble("sigma", 1.0);
 * params.require(sigma > 0, "sigma must be > 0, got " + sigma);
 * params.finish();
 * }</pre>
 */
public final class ModelParameters {
  private final String modelName;
  private final Map<String, String> values;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  private ModelParameters(String modelName, Map<String, String> values) {
    this.modelName = modelName;
    this.values = new LinkedHashMap<>(values);
  }

  /** Parameters of model {@code modelName} (used in messages). */
  public static ModelParameters of(String modelName, Map<String, String> values) {
    return new ModelParameters(modelName, values);
  }

  public String modelName() {
    return modelName;
  }

  /** The raw values, sorted by key (for summaries and fingerprints). */
  public Map<String, String> values() {
    return new TreeMap<>(values);
  }

  /** An integer parameter, or {@code fallback} when absent. */
  public int getInt(String key, int fallback) {
    known.add(key);
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      problems.add(prefix(key) + " must be an integer, got '" + raw + "'");
      return fallback;
    }
  }

  /** A real parameter, or {@code fallback} when absent. */
  public double getDouble(String key, double fallback) {
    known.add(key);
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (!Double.isFinite(value)) {
        problems.add(prefix(key) + " must be a finite number, got '" + raw + "'");
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(prefix(key) + " must be a number, got '" + raw + "'");
      return fallback;
    }
  }

  /** A boolean parameter ({@code true} or {@code false}, any case), or {@code fallback} when absent. */
  public boolean getBoolean(String key, boolean fallback) {
    known.add(key);
    String raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    String value = raw.trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      problems.add(prefix(key) + " must be true or false, got '" + raw + "'");
      return fallback;
    }
    return value.equals("true");
  }

  /** A string parameter, or {@code fallback} when absent. */
  public String getString(String key, String fallback) {
    known.add(key);
    String raw = values.get(key);
    return raw == null ? fallback : raw;
  }

  /** Records {@code problem} unless {@code condition} holds. */
  public void require(boolean condition, String problem) {
    if (!condition) {
      problems.add("model '" + modelName + "': " + problem);
    }
  }

  /**
   * Throws a {@link SettingsException} listing every problem recorded and every parameter that was
   * given but never read (a typo), naming the known ones.
   */
  public void finish() {
    List<String> all = new ArrayList<>(problems);
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        all.add("unknown parameter '" + key + "' for model '" + modelName + "' (known: "
            + String.join(", ", known) + ")");
      }
    }
    SettingsException.throwIfAny(all);
  }

  private String prefix(String key) {
    return "parameter '" + key + "' of model '" + modelName + "'";
  }
}
