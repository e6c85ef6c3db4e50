package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.LikelihoodException;
import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SequentialDriver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Pass your own pool": the same loop on a caller's ExecutorService. */
class ExecutorModeTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void aCallersPoolGivesTheSequentialResult() {
    SamplerResult expected = SequentialDriver.run(TestModels.gaussian(3), TestModels.SMALL);
    RunResult run = ExecutorMode.run(TestModels.gaussian(3), TestModels.SMALL, pool, TestModels.options(0));
    TestModels.assertIdentical(expected, run.result());
    assertEquals(3, run.stats().workers(), "read from the pool");
    assertEquals(expected.likelihoodCalls(), run.stats().points());
    assertTrue(run.stats().workerStats().stream().allMatch(w -> w.worker().startsWith("pool-")));
  }

  @Test
  void theDefaultOptionsWorkToo() {
    Model model = TestModels.vectorizedGaussian(2);
    SamplerResult expected = SequentialDriver.run(model, TestModels.SMALL);
    TestModels.assertIdentical(expected, ExecutorMode.run(model, TestModels.SMALL, pool).result());
  }

  @Test
  void anErrorInTheLikelihoodIsRetriedLikeAFailure() {
    AtomicInteger calls = new AtomicInteger();
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (calls.incrementAndGet() == 500) {
        throw new LocalModeTest.WorkerKiller("once");
      }
      return TestModels.logNormal(theta);
    });
    RunResult run = ExecutorMode.run(model, TestModels.SMALL, pool, TestModels.options(3));
    TestModels.assertIdentical(SequentialDriver.run(TestModels.gaussian(2), TestModels.SMALL), run.result());
    assertEquals(1, run.stats().retries());
  }

  @Test
  void aLikelihoodThatKeepsThrowingStopsTheRun() {
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (theta[1] < -7) {
        throw new ArithmeticException("negative");
      }
      return TestModels.logNormal(theta);
    });
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> ExecutorMode.run(model, TestModels.SMALL, pool, TestModels.options(3)));
    assertTrue(e.getMessage().contains("java.lang.ArithmeticException: negative at theta = {x0="), e.getMessage());
  }

  @Test
  void aLikelihoodThatNeverReturnsStalls() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Model model = Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      if (calls.incrementAndGet() == 50) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return TestModels.logNormal(theta);
    });
    LocalOptions options = TestModels.options(3).toBuilder().stallTimeout(Duration.ofMillis(500)).build();
    try {
      RunStalledException e = assertThrows(RunStalledException.class,
          () -> ExecutorMode.run(model, TestModels.SMALL, pool, options));
      assertTrue(e.getMessage().contains("at executor thread pool-"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void theParallelismOfKnownPoolsIsRead() {
    ForkJoinPool forkJoin = new ForkJoinPool(5);
    try {
      assertEquals(5, ExecutorMode.parallelism(forkJoin));
      assertEquals(3, ExecutorMode.parallelism(pool));
    } finally {
      forkJoin.shutdown();
    }
  }
}
