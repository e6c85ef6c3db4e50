package io.squall.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which model to sample: a built-in name or a {@code ModelFactory} class name, and its free-form
 * parameters ({@code squall.model.params} plus {@code --param}), sorted by key.
 *
 * @param name built-in model name or fully qualified class name
 * @param params the model's parameters as strings; the model validates them
 */
public record ModelSpec(String name, Map<String, String> params) {
  public ModelSpec {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** {@code name} with its parameters, e.g. {@code gaussian {dim=2}}. */
  public String describe() {
    return params.isEmpty() ? name : name + " " + params;
  }
}
