package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import java.time.Duration;

/** Small models, settings and assertions shared by the actors tests. */
final class TestModels {
  /** Small enough for a run in well under a second. */
  static final SamplerSettings SMALL = SamplerSettings.builder()
      .activeParticles(64)
      .effectiveParticles(128)
      .totalSamples(512)
      .seed(11)
      .build();

  /** Local options for tests: short stall timeout, small tasks so every worker gets some. */
  static LocalOptions options(int workers) {
    return LocalOptions.builder()
        .workers(workers)
        .stallTimeout(Duration.ofSeconds(20))
        .minTaskTime(Duration.ofNanos(1))
        .build();
  }

  private TestModels() {}

  /** Standard normal likelihood in d dimensions, uniform prior on [−10, 10]^d, per point. */
  static Model gaussian(int d) {
    return Model.of(Prior.uniformBox(d, -10, 10), TestModels::logNormal);
  }

  /** The same likelihood, vectorized. */
  static Model vectorizedGaussian(int d) {
    return Model.vectorized(Prior.uniformBox(d, -10, 10), thetas -> {
      double[] out = new double[thetas.length];
      for (int i = 0; i < thetas.length; i++) {
        out[i] = logNormal(thetas[i]);
      }
      return out;
    });
  }

  static double logNormal(double[] theta) {
    double sum = 0;
    for (double x : theta) {
      sum += x * x;
    }
    return -0.5 * sum - 0.5 * theta.length * Math.log(2 * Math.PI);
  }

  /** Evidence, every posterior weight, θ and log-likelihood, and the diagnostics, bit for bit. */
  static void assertIdentical(SamplerResult expected, SamplerResult actual) {
    assertEquals(Double.doubleToLongBits(expected.logEvidence()), Double.doubleToLongBits(actual.logEvidence()),
        "logEvidence");
    assertEquals(expected.likelihoodCalls(), actual.likelihoodCalls());
    assertEquals(expected.iterations(), actual.iterations());
    assertEquals(expected.diagnostics(), actual.diagnostics());
    assertEquals(expected.posterior().size(), actual.posterior().size());
    assertArrayEquals(bits(expected.posterior().weights()), bits(actual.posterior().weights()), "weights");
    assertArrayEquals(bits(expected.posterior().logLikelihoods()), bits(actual.posterior().logLikelihoods()),
        "logLikelihoods");
    assertEquals(expected.posterior().derivedNames(), actual.posterior().derivedNames());
    for (int i = 0; i < expected.posterior().size(); i++) {
      assertArrayEquals(bits(expected.posterior().theta(i)), bits(actual.posterior().theta(i)), "theta " + i);
      assertArrayEquals(bits(expected.posterior().derived(i)), bits(actual.posterior().derived(i)), "derived " + i);
    }
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
