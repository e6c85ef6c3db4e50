package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds keys under {@code squall} in a user's settings file that Squall does not know (typos),
 * suggesting the nearest known key by edit distance. The free-form model params block is skipped.
 */
final class UnknownKeys {
  private final Set<String> knownKeys;
  private final Set<String> knownBlocks = new TreeSet<>();

  /** {@code knownKeys}: every leaf key of the defaults except those inside the params block. */
  UnknownKeys(Set<String> knownKeys) {
    this.knownKeys = new TreeSet<>(knownKeys);
    for (String key : knownKeys) {
      List<String> parts = ConfigUtil.splitPath(key);
      for (int i = 1; i < parts.size(); i++) {
        knownBlocks.add(ConfigUtil.joinPath(parts.subList(0, i)));
      }
    }
    knownBlocks.add(SettingKeys.MODEL_PARAMS);
  }

  /** The known leaf keys of the defaults, the params block excluded. */
  static Set<String> leafKeys(Config defaults) {
    Set<String> keys = new TreeSet<>();
    defaults.entrySet().forEach(e -> keys.add(e.getKey()));
    keys.removeIf(UnknownKeys::insideParams);
    return keys;
  }

  /** One problem per unknown key of {@code user} (resolved), in key order. */
  List<String> check(Config user, String fileName) {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    user.entrySet().forEach(e -> keys.add(e.getKey()));
    for (String key : keys) {
      if (isUnderRoot(key) && !isKnown(key)) {
        problems.add("unknown setting '" + key + "' in " + fileName + suggestion(key));
      }
    }
    return problems;
  }

  private boolean isKnown(String key) {
    // a known block set to a plain value is reported as a type problem by the reader
    return knownKeys.contains(key) || knownBlocks.contains(key) || insideParams(key);
  }

  private String suggestion(String key) {
    return nearest(key).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  /** The known key nearest to {@code key}, if it is near enough to be a plausible typo. */
  Optional<String> nearest(String key) {
    Optional<String> sameLeaf = knownKeys.stream().filter(k -> leaf(k).equals(leaf(key))).findFirst();
    if (sameLeaf.isPresent()) {
      return sameLeaf;
    }
    Optional<String> best = knownKeys.stream()
        .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k));
    return best.filter(k -> distance(key, k) <= Math.max(2, k.length() / 4));
  }

  private static String leaf(String key) {
    List<String> parts = ConfigUtil.splitPath(key);
    return parts.get(parts.size() - 1);
  }

  private static boolean isUnderRoot(String key) {
    return ConfigUtil.splitPath(key).get(0).equals(SettingKeys.ROOT);
  }

  private static boolean insideParams(String key) {
    return key.startsWith(SettingKeys.MODEL_PARAMS + ".");
  }

  /** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
