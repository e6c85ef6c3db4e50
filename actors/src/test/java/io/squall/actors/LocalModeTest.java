package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Evaluation;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SequentialDriver;
import io.squall.sampler.Squall;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Local mode against the sequential oracle, and its failure handling. Messages are serialized. */
class LocalModeTest {
  private static final SamplerResult SEQUENTIAL = SequentialDriver.run(TestModels.gaussian(2), TestModels.SMALL);

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 4, 7})
  void anyNumberOfWorkersGivesTheSequentialResult(int workers) {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      threads.add(Thread.currentThread().getName());
      return TestModels.logNormal(theta);
    });
    RunResult run = LocalMode.run(model, TestModels.SMALL, TestModels.options(workers));
    TestModels.assertIdentical(SEQUENTIAL, run.result());
    assertTrue(threads.stream().allMatch(t -> t.contains(LocalMode.WORKER_DISPATCHER)), threads::toString);
    assertTrue(threads.size() <= workers, threads::toString);
    RunStats stats = run.stats();
    assertEquals(workers, stats.workers());
    assertEquals(workers, stats.workerStats().size());
    assertEquals(SEQUENTIAL.likelihoodCalls(), stats.points());
    assertEquals(stats.points(), stats.workerStats().stream().mapToLong(WorkerStats::points).sum());
    assertTrue(stats.parallelEfficiency() > 0 && stats.parallelEfficiency() <= 1.0001, "" + stats);
    assertTrue(stats.tasks() >= stats.batches());
    assertEquals(1, stats.advice().size());
    if (workers > 1) {
      assertTrue(stats.workerStats().stream().filter(w -> w.tasks() > 0).count() > 1, "work spread: " + stats);
    }
  }

  /** Not serializable: local mode never serializes the model, so a lambda may capture anything. */
  private static final class Offset {
    final double value = 0.25;
  }

  @Test
  void aLambdaFromTheSquallBuilderCapturingAnythingRunsLocally() {
    Offset offset = new Offset();
    Squall.Builder builder = Squall.sampler()
        .prior(Prior.uniformBox(2, -5, 5))
        .logLikelihood(theta -> -0.5 * ((theta[0] - offset.value) * (theta[0] - offset.value) + theta[1] * theta[1]))
        .activeParticles(64).effectiveParticles(128).totalSamples(512).seed(3);
    RunResult run = LocalMode.run(builder.model(), builder.settings(), TestModels.options(2));
    TestModels.assertIdentical(builder.run(), run.result());
  }

  /** Derived values travel back in the (serialized) results and follow their particles. */
  @Test
  void derivedValuesComeBackFromTheWorkersAsInTheSequentialRun() {
    Model model = Model.withDerived(Prior.uniformBox(2, -10, 10), List.of("radius2", "first"),
        theta -> new Evaluation.Point(TestModels.logNormal(theta),
            new double[] {theta[0] * theta[0] + theta[1] * theta[1], theta[0]}));
    SamplerResult expected = SequentialDriver.run(model, TestModels.SMALL);
    LocalOptions options = TestModels.options(3).toBuilder().pointsPerTask(5).build();
    RunResult run = LocalMode.run(model, TestModels.SMALL, options);
    TestModels.assertIdentical(expected, run.result());
    assertEquals(List.of("radius2", "first"), run.result().posterior().derivedNames());
    assertEquals(run.result().posterior().theta(7, 0), run.result().posterior().derived(7, 1));
  }

  @Test
  void vectorizedModelWithOnePointTasksGivesTheSequentialResult() {
    Model model = TestModels.vectorizedGaussian(3);
    SamplerResult expected = SequentialDriver.run(model, TestModels.SMALL);
    LocalOptions options = TestModels.options(3).toBuilder().pointsPerTask(5).maxTasksPerWorker(1).build();
    RunResult run = LocalMode.run(model, TestModels.SMALL, options);
    TestModels.assertIdentical(expected, run.result());
    assertTrue(run.stats().warnings().get(0).contains("not a multiple of the 3 workers"), run.stats().warnings()::toString);
  }

  @Test
  void aLikelihoodThatKeepsThrowingStopsTheRunNamingThePoint() {
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (theta[0] > 6) {
        throw new IllegalStateException("boom at " + theta[0]);
      }
      return TestModels.logNormal(theta);
    });
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> LocalMode.run(model, TestModels.SMALL, TestModels.options(2)));
    assertTrue(e.getMessage().contains("java.lang.IllegalStateException: boom at"), e.getMessage());
    assertTrue(e.getMessage().contains("at theta = {x0="), e.getMessage());
    assertTrue(e.getMessage().contains("failed 3 times"), e.getMessage());
  }

  @Test
  void aLikelihoodThatThrowsOnceAtAPointIsRetriedAndTheResultIsUnchanged() {
    Set<Double> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger throwsLeft = new AtomicInteger(20);
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (theta[1] > 5 && seen.add(theta[0]) && throwsLeft.getAndDecrement() > 0) {
        throw new IllegalArgumentException("transient");
      }
      return TestModels.logNormal(theta);
    });
    RunResult run = LocalMode.run(model, TestModels.SMALL, TestModels.options(2));
    TestModels.assertIdentical(SEQUENTIAL, run.result());
    assertTrue(run.stats().retries() > 0, run.stats()::toString);
  }

  /** An Error is not caught by the worker: it dies, is restarted by supervision, and its tasks are redone. */
  static final class WorkerKiller extends Error {
    private static final long serialVersionUID = 1L;

    WorkerKiller(String message) {
      super(message);
    }
  }

  @Test
  void aWorkerKilledByAnErrorIsRestartedAndTheResultIsUnchanged() {
    AtomicInteger calls = new AtomicInteger();
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      int call = calls.incrementAndGet();
      if (call == 300 || call == 1000) { // the run makes ~1,600 calls
        throw new WorkerKiller("killed at call " + call);
      }
      return TestModels.logNormal(theta);
    });
    RunResult run = LocalMode.run(model, TestModels.SMALL, TestModels.options(2));
    TestModels.assertIdentical(SEQUENTIAL, run.result());
    assertEquals(2, run.stats().restarts(), run.stats()::toString);
    assertEquals(2, run.stats().workerStats().stream().mapToInt(WorkerStats::restarts).sum());
  }

  @Test
  void aLikelihoodThatNeverReturnsStopsTheRunWithinTheStallTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (calls.incrementAndGet() == 100) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return TestModels.logNormal(theta);
    });
    LocalOptions options = TestModels.options(2).toBuilder().stallTimeout(Duration.ofMillis(700)).build();
    long start = System.nanoTime();
    try {
      RunStalledException e = assertThrows(RunStalledException.class,
          () -> LocalMode.run(model, TestModels.SMALL, options));
      assertTrue(e.getMessage().contains("no task completed for"), e.getMessage());
      assertTrue(e.getMessage().matches(".*stuck: task of batch \\d+, first index \\d+, size \\d+, at worker-\\d.*"),
          e.getMessage());
      assertTrue(System.nanoTime() - start < 15e9, "took too long");
    } finally {
      release.countDown();
    }
  }

  private static double recurse(double x) {
    return 1 + recurse(x + 1);
  }

  @Test
  void aStackOverflowIsAFailureOfThePointNotOfTheJvm() {
    Model model = Model.of(Prior.uniformBox(2, -10, 10),
        theta -> theta[0] > 7 ? recurse(theta[0]) : TestModels.logNormal(theta));
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> LocalMode.run(model, TestModels.SMALL, TestModels.options(2)));
    assertTrue(e.getMessage().contains("java.lang.StackOverflowError at theta = {x0="), e.getMessage());
  }

  @Test
  void aNaNLikelihoodSurfacesAsTheSamplersError() {
    Model model = Model.of(Prior.uniformBox(2, -10, 10),
        theta -> theta[0] > 8 ? Double.NaN : TestModels.logNormal(theta));
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> LocalMode.run(model, TestModels.SMALL, TestModels.options(2)));
    assertTrue(e.getMessage().contains("log-likelihood is NaN at theta = {x0="), e.getMessage());
  }

  @Test
  void zeroWorkersIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> LocalMode.run(TestModels.gaussian(2), TestModels.SMALL, TestModels.options(0)));
  }
}
