package io.squall.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.examples.GaussianModel;
import io.squall.sampler.Model;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gauss example written in Python (clients/python/examples/gauss.py, a real python3 child)
 * against the built-in Java {@code gaussian} (dim 2, σ 1, prior U(−10, 10)²): its log Z lies within
 * 4 stated errors of the known −2·ln 20 (false-failure probability about 6e−5 if the error is
 * calibrated; the seed is fixed, so the test is deterministic), and because the Python likelihood
 * uses the same formula in the same order, the whole run is bit-identical to the Java model's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonGaussTest {
  private static final Map<String, String> GAUSS = Map.of("dim", "2", "prior", "uniform(-10, 10)",
      "environment.GAUSS_DIM", "2");

  static Model javaGaussian() {
    return new GaussianModel.Factory().create(ModelParameters.of("gaussian", Map.of("dim", "2")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"numpy if installed", "standard library only"})
  void pythonLogLikelihoodsEqualTheJavaOnesBitForBit(String client) {
    Map<String, String> params = new HashMap<>(GAUSS);
    if (client.startsWith("standard")) {
      params.put("environment.SQUALL_PROCESS_NO_NUMPY", "1");
    }
    try (ProcessModel python = PythonChildren.model(PythonChildren.GAUSS, params)) {
      double[][] thetas = {{0.0, 0.0}, {1.5, -2.25}, {-9.99, 7.123456789}, {3e-8, 1e3}};
      assertArrayEquals(javaGaussian().logLikelihoods(thetas), python.logLikelihoods(thetas));
      assertEquals(0, python.derivedNames().size());
    }
  }

  @Test
  void pythonGaussGivesTheJavaLogZWithTwoWorkers() {
    SamplerSettings settings = SamplerSettings.defaults();
    SamplerResult java = SequentialDriver.run(javaGaussian(), settings);
    SamplerResult python;
    try (ProcessModel model = PythonChildren.model(PythonChildren.GAUSS, GAUSS)) {
      python = LocalMode.run(model, settings, LocalOptions.withWorkers(2)).result();
    }
    double known = -2 * Math.log(20);
    assertTrue(Math.abs(python.logEvidence() - known) < 4 * python.logEvidenceError(),
        "log Z " + python.logEvidence() + " ± " + python.logEvidenceError() + " vs known " + known);
    assertEquals(java.logEvidence(), python.logEvidence(), 0.0, "bit-identical to the Java gaussian");
    assertEquals(java.likelihoodCalls(), python.likelihoodCalls());
    assertArrayEquals(java.posterior().thetas(), python.posterior().thetas());
  }
}
