package io.squall.cluster;

import io.squall.sampler.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --param key=value} arguments; a later value for the same key wins. */
public final class ParamParser {
  private ParamParser() {}

  /**
   * The parameters, in the order given.
   *
   * @throws SettingsException naming every argument without '=' or with an empty key
   */
  public static Map<String, String> parse(List<String> arguments) {
    Map<String, String> params = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      String key = equals < 0 ? "" : argument.substring(0, equals).trim();
      if (key.isEmpty()) {
        problems.add("--param '" + argument + "' must look like key=value");
      } else {
        params.put(key, argument.substring(equals + 1).trim());
      }
    }
    SettingsException.throwIfAny(problems);
    return params;
  }
}
