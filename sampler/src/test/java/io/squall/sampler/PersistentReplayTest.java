package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The replay of the persistent recursion: with unit multiplicities it is the run itself, bit for
 * bit; the vectorised replay agrees with the exact one.
 */
class PersistentReplayTest {
  private static final SamplerSettings RUN = NormaliserSolverTest.RUN;

  private static double[] ones(Pool pool) {
    double[] m = new double[pool.size()];
    Arrays.fill(m, 1.0);
    return m;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void unitMultiplicitiesReproduceTheRunExactly(long seed) {
    Model model = TestModels.gaussian(3, 0.5);
    SamplerSettings settings = RUN.toBuilder().seed(seed).resampling(seed == 2 ? Resampling.MULTINOMIAL
        : Resampling.SYSTEMATIC).build();
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    SamplerResult result = SequentialDriver.run(sampler);
    Pool pool = sampler.pool();
    double[] replay = PersistentReplay.of(pool).exact(ones(pool));
    List<Pool.Iteration> history = pool.history();
    for (int t = 0; t < history.size(); t++) {
      assertEquals(Double.doubleToLongBits(history.get(t).logEvidence()), Double.doubleToLongBits(replay[t]),
          "zeta of iteration " + t);
    }
    assertEquals(Double.doubleToLongBits(result.evidence().logEvidencePersistent()),
        Double.doubleToLongBits(replay[history.size()]));
  }

  @Test
  void vectorisedReplayWithUnitMultiplicitiesIsTheRunToRounding() {
    Pool pool = NormaliserSolverTest.runPool(TestModels.gaussian(3, 0.5), RUN);
    double[] fast = PersistentReplay.of(pool).logEvidences(ones(pool), 1);
    assertEquals(pool.logEvidence(1.0), fast[0], 1e-12);
  }

  /** Bootstrap-like multiplicities, including an iteration left empty, replayed both ways. */
  @Test
  void vectorisedReplayAgreesWithTheExactOne() {
    Pool pool = NormaliserSolverTest.runPool(TestModels.gaussian(2, 0.0), RUN);
    UniformRandomProvider rng = RandomStreams.create(9, RandomStreams.Purpose.BOOTSTRAP);
    int width = 4;
    double[][] vectors = new double[width][pool.size()];
    for (int b = 0; b < width; b++) {
      for (int s = 0; s < pool.size(); s++) {
        vectors[b][s] = rng.nextInt(3);
      }
    }
    int lastIteration = pool.iterationCount() - 1;
    for (int s = 0; s < pool.size(); s++) {
      if (pool.iterationOf(s) == lastIteration) {
        vectors[3][s] = 0.0;
      }
    }
    double[] block = new double[pool.size() * width];
    for (int s = 0; s < pool.size(); s++) {
      for (int b = 0; b < width; b++) {
        block[s * width + b] = vectors[b][s];
      }
    }
    PersistentReplay replay = PersistentReplay.of(pool);
    double[] fast = replay.logEvidences(block, width);
    for (int b = 0; b < width; b++) {
      double[] exact = replay.exact(vectors[b]);
      assertTrue(Double.isFinite(fast[b]));
      assertEquals(exact[exact.length - 1], fast[b], 1e-10, "replicate " + b);
    }
  }
}
