package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Typed getters over a resolved {@link Config} that record every problem (naming the key) instead
 * of failing at the first; a mistyped value yields the fallback so reading can go on.
 */
final class ConfigReader {
  private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();
  private final Config config;
  private final Set<String> problems = new LinkedHashSet<>();

  ConfigReader(Config config) {
    this.config = config;
  }

  /** Every problem recorded so far, in order, without duplicates. */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  int getInt(String key, int fallback) {
    long value = getLong(key, fallback, "an integer");
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      problems.add(key + " must be an integer of at most " + Integer.MAX_VALUE + ", got " + value);
      return fallback;
    }
    return (int) value;
  }

  long getLong(String key, long fallback) {
    return getLong(key, fallback, "an integer");
  }

  boolean getBoolean(String key, boolean fallback) {
    Optional<String> raw = raw(key, "true or false");
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get().trim().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on":
        return true;
      case "false": case "no": case "off":
        return false;
      default:
        problems.add(key + " must be true or false, got '" + raw.get() + "'");
        return fallback;
    }
  }

  /** A non-blank string. */
  String getString(String key, String fallback) {
    Optional<String> raw = raw(key, "a string");
    if (raw.isPresent() && raw.get().isBlank()) {
      problems.add(key + " must not be empty");
      return fallback;
    }
    return raw.orElse(fallback);
  }

  /** A string that may be empty (then the feature it configures is off). */
  String getStringOrEmpty(String key, String fallback) {
    return raw(key, "a string").map(String::trim).orElse(fallback);
  }

  /** A positive duration in HOCON syntax, e.g. {@code 3s} or {@code 500ms}. */
  Duration getDuration(String key, Duration fallback) {
    if (raw(key, "a duration such as 3s").isEmpty()) {
      return fallback;
    }
    try {
      Duration value = config.getDuration(key);
      if (value.isNegative() || value.isZero()) {
        problems.add(key + " must be a positive duration, got '" + text(config.getValue(key)) + "'");
        return fallback;
      }
      return value;
    } catch (ConfigException e) {
      problems.add(key + " must be a duration such as 3s or 500ms, got '" + text(config.getValue(key)) + "'");
      return fallback;
    }
  }

  /** A size in bytes in HOCON syntax, e.g. {@code 256 KiB}. */
  long getBytes(String key, long fallback) {
    if (raw(key, "a size such as 256 KiB").isEmpty()) {
      return fallback;
    }
    try {
      return config.getBytes(key);
    } catch (ConfigException e) {
      problems.add(key + " must be a size such as 256 KiB, got '" + text(config.getValue(key)) + "'");
      return fallback;
    }
  }

  /** An enum value by its settings name ({@link SettingKeys#enumName}). */
  <E extends Enum<E>> E getEnum(String key, Class<E> type, E fallback) {
    Optional<String> raw = raw(key, "a string");
    if (raw.isEmpty()) {
      return fallback;
    }
    for (E value : type.getEnumConstants()) {
      if (SettingKeys.enumName(value).equals(raw.get().trim().toLowerCase(Locale.ROOT))) {
        return value;
      }
    }
    problems.add(key + " must be one of " + allowed(type) + ", got '" + raw.get() + "'");
    return fallback;
  }

  /**
   * A free-form block flattened to dotted keys, values as strings (lists rendered as JSON); sorted.
   */
  Map<String, String> getBlock(String key) {
    Map<String, String> out = new TreeMap<>();
    if (!config.hasPathOrNull(key) || config.getIsNull(key)) {
      return out;
    }
    if (config.getValue(key).valueType() != ConfigValueType.OBJECT) {
      problems.add(key + " must be a block of key = value settings, got '" + render(config.getValue(key)) + "'");
      return out;
    }
    for (Map.Entry<String, ConfigValue> entry : config.getConfig(key).entrySet()) {
      out.put(String.join(".", ConfigUtil.splitPath(entry.getKey())), text(entry.getValue()));
    }
    return out;
  }

  private long getLong(String key, long fallback, String expected) {
    Optional<String> raw = raw(key, expected);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(raw.get().trim());
    } catch (NumberFormatException e) {
      problems.add(key + " must be " + expected + ", got '" + raw.get() + "'");
      return fallback;
    }
  }

  /** The value as text, or empty after recording why there is none usable. */
  private Optional<String> raw(String key, String expected) {
    if (!config.hasPathOrNull(key)) {
      problems.add(missing(key));
      return Optional.empty();
    }
    if (config.getIsNull(key)) {
      problems.add(key + " must be " + expected + ", got null");
      return Optional.empty();
    }
    ConfigValue value = config.getValue(key);
    if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
      problems.add(key + " must be " + expected + ", got '" + render(value) + "'");
      return Optional.empty();
    }
    return Optional.of(text(value));
  }

  /** Why {@code key} is absent: usually a parent set to a plain value instead of a block. */
  private String missing(String key) {
    List<String> parts = ConfigUtil.splitPath(key);
    for (int i = 1; i < parts.size(); i++) {
      String parent = ConfigUtil.joinPath(parts.subList(0, i));
      if (config.hasPath(parent) && config.getValue(parent).valueType() != ConfigValueType.OBJECT) {
        return parent + " must be a block of settings, got '" + render(config.getValue(parent)) + "'";
      }
    }
    return "missing setting '" + key + "'";
  }

  private static String text(ConfigValue value) {
    return value.valueType() == ConfigValueType.STRING ? (String) value.unwrapped() : render(value);
  }

  private static String render(ConfigValue value) {
    return value.render(CONCISE);
  }

  private static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(SettingKeys::enumName)
        .collect(Collectors.joining(", "));
  }
}
