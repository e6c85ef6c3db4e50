package io.squall.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.sampler.Posterior;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * clients/python/examples/two_means.py: a Python likelihood with its own prior (the child
 * transforms unit-cube points) and two derived values, run on 2 local workers.
 *
 * <p>Reference log Z = −19.1918, posterior mean of s 1.1089: the two μ integrals done exactly
 * (Gaussian times erf for the prior box) and the one over u of s by the midpoint rule with 200,000
 * nodes ({@code python3 process/src/test/python/two_means_reference.py}). The test accepts
 * |Δ log Z| &lt; 4 stated errors (false-failure probability ≈ 6e−5 for a calibrated error; fixed
 * seed). A deliberately wrong prior (μ ~ U(−10, 10) in the settings instead of the child's
 * U(−5, 5), log Z lower by 2·ln 2) is rejected by the same check.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoMeansTest {
  static final double REFERENCE_LOG_Z = -19.191807;
  static final double REFERENCE_MEAN_S = 1.1089;

  private static SamplerResult run(Map<String, String> params) {
    try (ProcessModel model = PythonChildren.model(PythonChildren.TWO_MEANS, params)) {
      return LocalMode.run(model, SamplerSettings.defaults(), LocalOptions.withWorkers(2)).result();
    }
  }

  private static boolean agrees(SamplerResult result) {
    return Math.abs(result.logEvidence() - REFERENCE_LOG_Z) < 4 * result.logEvidenceError();
  }

  /** The vectorized NumPy callbacks (when NumPy is installed) and the per-point ones without it. */
  @ParameterizedTest
  @ValueSource(strings = {"vectorized", "standard library only"})
  void ownPriorAndDerivedValuesGiveTheRightLogZAndPosterior(String client) {
    Map<String, String> params = new HashMap<>(Map.of("dim", "3", "names", "[mu1, mu2, s]", "prior", "process"));
    if (client.startsWith("standard")) {
      params.put("environment.SQUALL_PROCESS_NO_NUMPY", "1");
    }
    SamplerResult result = run(params);
    assertTrue(agrees(result), "log Z " + result.logEvidence() + " ± " + result.logEvidenceError());
    Posterior posterior = result.posterior();
    assertEquals(List.of("diff", "sum"), posterior.derivedNames());
    double[] mean = posterior.mean();
    double[] derived = posterior.derivedMean();
    double[] std = posterior.std();
    assertEquals(REFERENCE_MEAN_S, mean[2], 4 * std[2] / Math.sqrt(result.effectiveSampleSize()));
    for (int i = 0; i < posterior.size(); i++) {
      double[] theta = posterior.theta(i);
      assertEquals(theta[1] - theta[0], posterior.derived(i, 0), 1e-12, "diff follows its particle");
      assertEquals(theta[0] + theta[1], posterior.derived(i, 1), 1e-12, "sum follows its particle");
    }
    assertEquals(mean[1] - mean[0], derived[0], 1e-9);
    assertTrue(mean[0] < 0 && mean[1] > 0, "mu1 near -1, mu2 near 2: " + mean[0] + ", " + mean[1]);
  }

  @Test
  void aWrongPriorIsCaughtByTheSameCheck() {
    SamplerResult wrong = run(Map.of("dim", "3", "names", "[mu1, mu2, s]",
        "prior", "[\"uniform(-10, 10)\", \"uniform(-10, 10)\", \"log-uniform(0.2, 5)\"]"));
    assertFalse(agrees(wrong), "log Z " + wrong.logEvidence() + " ± " + wrong.logEvidenceError());
  }
}
