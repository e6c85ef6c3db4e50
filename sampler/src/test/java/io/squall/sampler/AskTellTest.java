package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AskTellTest {
  static final SamplerSettings SMALL = SamplerSettings.builder()
      .activeParticles(64).effectiveParticles(128).totalSamples(256).seed(5).build();

  @Test
  void askingTwiceReturnsThePendingBatch() {
    PersistentSampler sampler = PersistentSampler.create(TestModels.gaussian(2, 0), SMALL);
    Request first = sampler.next();
    assertSame(first, sampler.next());
    Batch batch = assertInstanceOf(Batch.class, first);
    assertEquals(64, batch.size());
    assertEquals(1, batch.id());
  }

  @Test
  void tellingAnotherBatchIsRefused() {
    PersistentSampler sampler = PersistentSampler.create(TestModels.gaussian(2, 0), SMALL);
    Batch batch = (Batch) sampler.next();
    assertThrows(IllegalStateException.class, () -> sampler.tell(batch.id() + 1, new double[batch.size()]));
    assertThrows(IllegalArgumentException.class, () -> sampler.tell(batch.id(), new double[3]));
  }

  /** Slices evaluated in reverse order, some twice, give the sequential driver's exact run. */
  @Test
  void slicesInAnyOrderGiveTheSequentialResult() {
    Model model = TestModels.gaussian(3, 0.5);
    SamplerResult sequential = SequentialDriver.run(model, SMALL);
    PersistentSampler sampler = PersistentSampler.create(model, SMALL);
    Request request;
    while ((request = sampler.next()) instanceof Batch batch) {
      BatchResults results = new BatchResults(batch);
      double[][] points = batch.unitPoints();
      for (int from = ((points.length - 1) / 5) * 5; from >= 0; from -= 5) {
        int to = Math.min(points.length, from + 5);
        double[][] slice = java.util.Arrays.copyOfRange(points, from, to);
        double[] values = model.logLikelihoodsOfUnitCube(slice);
        results.accept(from, values);
        assertEquals(0, results.accept(from, values), "a duplicate slice adds nothing");
      }
      assertTrue(results.isComplete());
      sampler.tell(batch.id(), results.values());
    }
    SamplerResult sliced = ((Finished) request).result();
    assertEquals(Double.doubleToLongBits(sequential.logEvidence()), Double.doubleToLongBits(sliced.logEvidence()));
    assertArrayEquals(sequential.posterior().weights(), sliced.posterior().weights());
  }

  @Test
  void batchResultsRejectSlicesThatDoNotFit() {
    BatchResults results = new BatchResults(new Batch(1, 0, 0, new double[4][1]));
    assertThrows(IllegalArgumentException.class, () -> results.accept(3, new double[2]));
    assertThrows(IllegalStateException.class, results::values);
  }

  /** Proposals outside the cube cost no likelihood call: every evaluated point lies in the cube. */
  @Test
  void outOfCubeProposalsAreRejectedWithoutACall() {
    AtomicLong calls = new AtomicLong();
    // a narrow Gaussian in the corner of the box: many proposals leave the cube
    Model corner = Model.of(Prior.uniformBox(2, 0, 1), theta -> {
      calls.incrementAndGet();
      if (theta[0] < 0 || theta[0] > 1 || theta[1] < 0 || theta[1] > 1) {
        throw new AssertionError("evaluated outside the cube: " + java.util.Arrays.toString(theta));
      }
      return -0.5 * (theta[0] * theta[0] + theta[1] * theta[1]) / 0.01;
    });
    SamplerResult result = SequentialDriver.run(corner, SMALL);
    assertEquals(calls.get(), result.likelihoodCalls());
    long proposals = 0;
    for (IterationDiagnostics d : result.diagnostics()) {
      proposals += d.steps() == 0 ? 64 : (long) d.steps() * 64;
    }
    assertTrue(result.likelihoodCalls() < proposals, "some proposals were rejected without a call");
  }

  @Test
  void theRunEndsWhenTheEssAtBetaOneReachesTotalSamples() {
    SamplerResult result = SequentialDriver.run(TestModels.gaussian(2, 0), SMALL);
    assertTrue(result.effectiveSampleSize() >= 256);
    IterationDiagnostics last = result.diagnostics().get(result.diagnostics().size() - 1);
    assertEquals(1.0, last.beta());
    assertEquals(result.likelihoodCalls(), last.likelihoodCalls());
    assertEquals(result.posterior().size(), last.poolSize());
  }
}
