package io.squall.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Coordinate;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the parameters of a process model: lists, priors, defaults and one error per mistake. */
class ProcessSettingsTest {
  private static ProcessSettings read(Map<String, String> params) {
    return ProcessSettings.from(ModelParameters.of("process", params));
  }

  @Test
  void readsListsPriorsEnvironmentAndDefaults() {
    ProcessSettings s = read(Map.of("command", "[\"python3\",\"lik.py\"]", "dim", "3", "names", "[a, b, c]",
        "prior", "[\"uniform(-1, 1)\", \"normal(0, 2)\", \"log-uniform(1e-3, 1)\"]", "environment.OMP_NUM_THREADS", "1"));
    assertEquals(List.of("python3", "lik.py"), s.command());
    assertEquals(List.of("a", "b", "c"), s.parameterNames());
    assertEquals(Map.of("OMP_NUM_THREADS", "1"), s.environment());
    List<Coordinate> coordinates = s.prior().orElseThrow().coordinates();
    assertEquals(Coordinate.Kind.NORMAL, coordinates.get(1).kind());
    assertEquals(Coordinate.Kind.LOG_UNIFORM, coordinates.get(2).kind());
    assertEquals(Duration.ofSeconds(600), s.taskTimeout());
    assertEquals(3, s.maxRestarts());
  }

  @Test
  void aStringCommandIsSplitAtSpacesAndOnePriorServesEveryCoordinate() {
    ProcessSettings s = read(Map.of("command", "python3 lik.py --fast", "dim", "2", "prior", "uniform(0, 5)"));
    assertEquals(List.of("python3", "lik.py", "--fast"), s.command());
    assertEquals(List.of("x0", "x1"), s.parameterNames());
    assertEquals(5.0, s.prior().orElseThrow().theta(new double[] {1, 1})[1]);
  }

  @Test
  void thePriorDefaultsToTheProcess() {
    assertTrue(read(Map.of("command", "x", "dim", "1")).prior().isEmpty());
  }

  @Test
  void everyMistakeIsNamedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> read(Map.of("dim", "0",
        "prior", "gamma(1, 2)", "max-restarts", "-1", "task-timeout", "5")));
    String all = String.join("\n", e.problems());
    assertTrue(all.contains("parameter 'command' is required"), all);
    assertTrue(all.contains("parameter 'dim' is required and must be >= 1, got 0"), all);
    assertTrue(all.contains("'max-restarts' must be >= 0"), all);
    assertTrue(all.contains("unknown parameter 'task-timeout'"), all);
  }

  @Test
  void aBadPriorSpecNamesTheCoordinate() {
    SettingsException e = assertThrows(SettingsException.class, () -> read(Map.of("command", "x", "dim", "2",
        "names", "[a, b]", "prior", "[\"uniform(0, 1)\", \"gamma(1, 2)\"]")));
    assertTrue(e.problems().get(0).contains("parameter 'prior' of 'b': 'gamma(1, 2)' is not uniform(low, high)"),
        e.problems().toString());
  }
}
