package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampler loop shared by the modes, driven by hand with a fake source and a fake clock. */
class SamplingRunTest {
  /** Batches of the given sizes; point i of a batch is {i}; records what it is told. */
  static final class FakeSource implements BatchSource {
    private final int[] sizes;
    private int next;
    private Batch pending;
    final List<double[]> told = new ArrayList<>();

    FakeSource(int... sizes) {
      this.sizes = sizes;
    }

    @Override
    public Request next() {
      if (pending == null && next < sizes.length) {
        double[][] points = new double[sizes[next]][];
        for (int i = 0; i < points.length; i++) {
          points[i] = new double[] {i};
        }
        pending = new Batch(next + 1, 0, next, points);
        next++;
      }
      return pending != null ? pending : new Finished(null);
    }

    @Override
    public void tell(long batchId, Evaluation evaluation) {
      assertEquals(pending.id(), batchId);
      told.add(evaluation.logLikelihoods().clone());
      pending = null;
    }

    @Override
    public String describe(double[] unitPoint) {
      return "{u=" + unitPoint[0] + "}";
    }
  }

  private long now;
  private final LocalOptions options = LocalOptions.builder().workers(2).maxRetries(2)
      .stallTimeout(Duration.ofSeconds(5)).minTaskTime(Duration.ofNanos(1)).build();

  private SamplingRun<String> run(BatchSource source) {
    return new SamplingRun<>(source, options, () -> now);
  }

  private static Evaluation valuesOf(TaskBook.Task task) {
    double[] v = new double[task.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = -(task.from() + i);
    }
    return Evaluation.of(v);
  }

  @Test
  void valuesReachTheSourceByIndexWhateverTheOrder() {
    FakeSource source = new FakeSource(6);
    SamplingRun<String> run = run(source);
    assertInstanceOf(Batch.class, run.advance(2));
    List<TaskBook.Task> tasks = new ArrayList<>();
    for (TaskBook.Task t = run.assign("a"); t != null; t = run.assign("a")) {
      tasks.add(t);
    }
    assertTrue(tasks.size() > 1);
    for (int k = tasks.size() - 1; k > 0; k--) {
      assertEquals(SamplingRun.Outcome.ACCEPTED, run.complete("a", "a", tasks.get(k).id(), valuesOf(tasks.get(k)), 10));
    }
    assertEquals(SamplingRun.Outcome.IGNORED, run.complete("a", "a", tasks.get(1).id(), valuesOf(tasks.get(1)), 10));
    assertEquals(SamplingRun.Outcome.BATCH_DONE, run.complete("b", "b", tasks.get(0).id(), valuesOf(tasks.get(0)), 10));
    assertArrayEquals(new double[] {0, -1, -2, -3, -4, -5}, source.told.get(0));
    assertInstanceOf(Finished.class, run.advance(2));
  }

  @Test
  void pointsOfATaskAreItsSliceOfTheBatch() {
    SamplingRun<String> run = run(new FakeSource(6));
    run.advance(2);
    run.assign("a");
    TaskBook.Task second = run.assign("a");
    double[][] points = run.points(second);
    assertEquals(second.size(), points.length);
    assertEquals(second.from(), points[0][0]);
  }

  @Test
  void theMeasuredTimePerPointSizesTheNextBatch() {
    SamplingRun<String> run = run(new FakeSource(8, 8));
    run.advance(2);
    for (TaskBook.Task t = run.assign("a"); t != null; t = run.assign("a")) {
      run.complete("a", "a", t.id(), valuesOf(t), t.size() * 300_000_000L);
    }
    run.advance(2);
    int tasks = 0;
    for (TaskBook.Task t = run.assign("a"); t != null; t = run.assign("a")) {
      assertEquals(1, t.size(), "300 ms per point: one point per task");
      tasks++;
    }
    assertEquals(8, tasks);
  }

  @Test
  void aTaskIsRetriedThenTheRunStopsNamingThePoint() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    TaskBook.Task task = run.assign("a");
    run.fail("a", "a", task.id(), task.from(), "java.lang.RuntimeException: bad", 5);
    assertEquals(task, run.assign("b"), "back at the front of the queue");
    run.fail("b", "b", task.id(), task.from(), "java.lang.RuntimeException: bad", 5);
    assertEquals(task, run.assign("a"));
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> run.fail("a", "a", task.id(), task.from(), "java.lang.RuntimeException: bad", 5));
    assertEquals("the likelihood threw java.lang.RuntimeException: bad at theta = {u=0.0} (point 0) of batch 1"
        + " (iteration 0, step 0); the task failed 3 times (maxRetries = 2)", e.getMessage());
    RunStats stats = run.stats(2);
    assertEquals(2, stats.retries());
    assertEquals(2, stats.workerStats().stream().filter(w -> w.worker().equals("a")).findFirst().orElseThrow().failures());
  }

  @Test
  void aFailureThatCannotBeSingledOutNamesTheTask() {
    LocalOptions noRetry = options.toBuilder().maxRetries(0).build();
    SamplingRun<String> run = new SamplingRun<>(new FakeSource(4), noRetry, () -> now);
    run.advance(1);
    TaskBook.Task task = run.assign("a");
    LikelihoodException e = assertThrows(LikelihoodException.class,
        () -> run.fail("a", "a", task.id(), -1, "E: x", 0));
    assertTrue(e.getMessage().contains("on one of points 0.." + (task.end() - 1)), e.getMessage());
  }

  @Test
  void aCrashedWorkersTasksGoBackAndItsTaskCountsAsFailed() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    TaskBook.Task first = run.assign("a");
    TaskBook.Task second = run.assign("a");
    run.workerCrashed("a", "a", first.id(), "E: boom");
    assertEquals(0, run.inFlight("a"));
    assertEquals(first, run.assign("b"));
    assertEquals(second, run.assign("b"));
    RunStats stats = run.stats(2);
    assertEquals(1, stats.restarts());
    assertEquals(1, stats.retries());
  }

  @Test
  void aLostWorkersTasksGoBack() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    TaskBook.Task first = run.assign("a");
    run.workerLost("a");
    assertEquals(first, run.assign("b"));
  }

  @Test
  void aStallIsReportedWithTheStuckTasks() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    TaskBook.Task task = run.assign("a");
    now += 4_000_000_000L;
    assertNull(run.stallReport((t, w) -> w));
    now += 2_000_000_000L;
    String report = run.stallReport((t, w) -> "worker " + w);
    assertTrue(report.startsWith("no task completed for 6.0 s (stall timeout PT5S) in batch 1"), report);
    assertTrue(report.contains("stuck: task of batch 1, first index 0, size " + task.size() + ", at worker a for 6.0 s"),
        report);
    assertTrue(report.contains("more task"), report);
  }

  @Test
  void aStallWithNoWorkerSaysSo() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    now += 10_000_000_000L;
    assertTrue(run.stallReport((t, w) -> w).contains("no worker is taking tasks"));
  }

  @Test
  void statsMeasureEfficiencyAgainstTheEvaluationPhases() {
    SamplingRun<String> run = run(new FakeSource(4));
    run.advance(2);
    run.workerJoined("idle");
    TaskBook.Task t0 = run.assign("a");
    TaskBook.Task t1 = run.assign("b");
    now += 1_000_000_000L;
    run.complete("a", "a", t0.id(), valuesOf(t0), 1_000_000_000L);
    run.complete("b", "b", t1.id(), valuesOf(t1), 500_000_000L);
    while (run.hasPending()) {
      TaskBook.Task t = run.assign("a");
      run.complete("a", "a", t.id(), valuesOf(t), 0);
    }
    now += 1_000_000_000L;
    run.advance(2);
    RunStats stats = run.stats(2);
    assertEquals(1.0, stats.evaluationSeconds(), 1e-12);
    assertEquals(1.5, stats.busySeconds(), 1e-12);
    assertEquals(0.75, stats.parallelEfficiency(), 1e-12);
    assertEquals(2.0, stats.wallSeconds(), 1e-12);
    assertEquals(3, stats.workerStats().size());
    WorkerStats b = stats.workerStats().stream().filter(w -> w.worker().equals("b")).findFirst().orElseThrow();
    assertEquals(0.5, b.idleSeconds(), 1e-12);
    assertEquals(t1.size(), b.points());
    assertEquals(4, Arrays.stream(new long[] {stats.points()}).sum());
  }
}
