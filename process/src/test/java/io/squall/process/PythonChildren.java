package io.squall.process;

import io.squall.sampler.ModelParameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Paths of the Python client and scripts, and process-model settings for tests (python3 on the PATH). */
final class PythonChildren {
  /** The repository root (tests run in the module folder). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path CLIENT = ROOT.resolve("clients/python");
  static final Path GAUSS = CLIENT.resolve("examples/gauss.py");
  static final Path TWO_MEANS = CLIENT.resolve("examples/two_means.py");
  static final Path FAULTY = ROOT.resolve("process/src/test/python/faulty.py");

  private PythonChildren() {}

  /** Parameters of a process model running {@code script} with {@code extra} parameters. */
  static Map<String, String> params(Path script, Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("command", "[\"python3\", \"" + script + "\"]");
    params.put("environment.SQUALL_CLIENT", CLIENT.toString());
    params.putAll(extra);
    return params;
  }

  /** A started process model. */
  static ProcessModel model(Path script, Map<String, String> extra) {
    return ProcessModel.start(ProcessSettings.from(ModelParameters.of("process", params(script, extra))));
  }
}
