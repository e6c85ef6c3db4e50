package io.squall.examples;

import io.squall.sampler.MapTask;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.util.List;

/**
 * The built-in {@link MapTask}s of {@code squall example}, by name: {@code pi} ({@link PiTask}, no
 * parameters) and {@code add} ({@link ArrayAdditionTask}, parameter {@code chunk}, default 1000).
 * On a cluster they are named as models {@code task:pi} and {@code task:add}.
 */
public final class ExampleTasks {
  /** The prefix that names a map task where a model name is expected. */
  public static final String PREFIX = "task:";

  private ExampleTasks() {}

  /** The task names. */
  public static List<String> names() {
    return List.of("pi", "add");
  }

  /**
   * The task {@code parameters.modelName()} (without the prefix).
   *
   * @throws SettingsException for an unknown name, listing every bad or unknown parameter
   */
  public static MapTask create(String name, ModelParameters parameters) {
    switch (name) {
      case "pi":
        parameters.finish();
        return new PiTask();
      case "add":
        int chunk = parameters.getInt("chunk", 1000);
        parameters.require(chunk >= 1, "chunk must be at least 1, got " + chunk);
        parameters.finish();
        return new ArrayAdditionTask(chunk);
      default:
        throw new SettingsException(List.of("unknown example task '" + name + "' (known: "
            + String.join(", ", names()) + ")"));
    }
  }
}
