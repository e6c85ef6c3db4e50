package io.squall.actors;

import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.Request;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The sampler loop of every parallel mode, without threads or actors: it opens each batch of the
 * {@link BatchSource} as tasks in a {@link TaskBook}, applies results by point index, tells the
 * source when a batch is complete, retries failed tasks, and reports a stall. The master actor and
 * {@link ExecutorMode} translate their events into calls on it.
 *
 * @param <W> how the caller names a worker
 */
final class SamplingRun<W> {
  /** What a result did. */
  enum Outcome { IGNORED, ACCEPTED, BATCH_DONE }

  private final BatchSource source;
  private final LocalOptions options;
  private final LongSupplier clock;
  private final TaskBook<W> book = new TaskBook<>();
  private final RunStatistics stats = new RunStatistics();
  private final long startNanos;
  private Batch batch;
  private int batchWorkers = 1;
  private long lastProgressNanos;

  SamplingRun(BatchSource source, LocalOptions options, LongSupplier clock) {
    this.source = source;
    this.options = options;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastProgressNanos = startNanos;
  }

  /**
   * Asks the source for its next request and, for a batch, cuts it into tasks for
   * {@code workers} workers. Call at the start and after {@link Outcome#BATCH_DONE}.
   *
   * @return the open {@link Batch}, or {@link Finished}
   */
  Request advance(int workers) {
    while (true) {
      Request request = source.next();
      if (request instanceof Finished) {
        return request;
      }
      Batch next = (Batch) request;
      if (next.size() == 0) {
        source.tell(next.id(), Evaluation.of(new double[0]));
        continue;
      }
      batch = next;
      // the larger message of a task is its points (d doubles each) or its results (1 + k each)
      int doublesPerPoint = Math.max(next.unitPoints()[0].length, 1 + source.derivedCount());
      book.start(next.id(), TaskSizer.sizes(next.size(), doublesPerPoint, workers, stats.nanosPerPoint(), options));
      batchWorkers = Math.max(1, workers);
      long now = clock.getAsLong();
      stats.batchStarted(now);
      lastProgressNanos = now;
      return next;
    }
  }

  /** The next task for {@code worker} (now in flight there), or null if none is pending. */
  TaskBook.Task assign(W worker) {
    return batch == null ? null : book.next(worker, clock.getAsLong());
  }

  /** Tasks in flight at {@code worker}. */
  int inFlight(W worker) {
    return book.inFlight(worker);
  }

  /** True if some task waits to be handed out. */
  boolean hasPending() {
    return batch != null && book.hasPending();
  }

  /** The unit-cube points of {@code task} (the rows are shared, not copied: do not modify). */
  double[][] points(TaskBook.Task task) {
    return Arrays.copyOfRange(batch.unitPoints(), task.from(), task.end());
  }

  /** Makes {@code name} appear in the worker stats. */
  void workerJoined(String name) {
    stats.worker(name);
  }

  /**
   * Applies the values of task {@code id} computed by {@code worker}; when they complete the
   * batch, tells the source.
   *
   * @throws LikelihoodException if the source rejects the batch's values (NaN, +∞)
   */
  Outcome complete(W worker, String name, TaskId id, Evaluation values, long busyNanos) {
    TaskBook.Task task = book.task(id);
    if (task == null || !book.complete(id, values)) {
      stats.wastedBusy(name, busyNanos);
      return Outcome.IGNORED;
    }
    long now = clock.getAsLong();
    stats.taskDone(name, task.size(), busyNanos);
    lastProgressNanos = now;
    if (!book.isComplete()) {
      return Outcome.ACCEPTED;
    }
    stats.batchFinished(now);
    Batch done = batch;
    batch = null;
    source.workerActivity(stats.activity(now - startNanos, batchWorkers));
    source.tell(done.id(), book.evaluation());
    return Outcome.BATCH_DONE;
  }

  /**
   * Task {@code id} threw at {@code worker}: it goes back to the queue, or, after
   * {@code maxRetries} retries, the run stops.
   *
   * @param pointIndex batch index of the point that throws, or -1 if unknown
   * @throws LikelihoodException when the retries are used up; names the point's θ
   */
  void fail(W worker, String name, TaskId id, int pointIndex, String error, long busyNanos) {
    stats.wastedBusy(name, busyNanos);
    countFailure(worker, name, id, pointIndex, error, "the likelihood threw ");
  }

  /**
   * {@code worker} crashed (an {@link Error}) while evaluating {@code task} (null if idle) and is
   * being restarted: its tasks go back to the queue; the crashed task counts as failed.
   *
   * @throws LikelihoodException when that task has used up its retries
   */
  void workerCrashed(W worker, String name, TaskId task, String error) {
    stats.restart(name);
    book.requeue(worker);
    if (task != null) {
      TaskBook.Task t = book.task(task);
      int point = t != null && t.size() == 1 ? t.from() : -1;
      countFailure(worker, name, task, point, error, "a worker crashed (and was restarted) with ");
    }
  }

  /** {@code worker} is gone: its tasks go back to the queue; returns how many. */
  int workerLost(W worker) {
    return book.requeue(worker).size();
  }

  private void countFailure(W worker, String name, TaskId id, int pointIndex, String error, String what) {
    int failures = book.fail(id, worker);
    if (failures == 0) {
      return;
    }
    stats.failure(name);
    if (failures > options.maxRetries()) {
      throw new LikelihoodException(failureMessage(id, pointIndex, error, what, failures));
    }
    stats.retry();
  }

  private String failureMessage(TaskId id, int pointIndex, String error, String what, int failures) {
    TaskBook.Task task = book.task(id);
    String where = pointIndex >= 0
        ? " at theta = " + describe(batch.unitPoints()[pointIndex]) + " (point " + pointIndex + ")"
        : " on one of points " + task.from() + ".." + (task.end() - 1)
            + " (none threw when evaluated alone; first point theta = "
            + describe(batch.unitPoints()[task.from()]) + ")";
    return what + error + where + " of batch " + batch.id() + " (iteration " + batch.iteration()
        + ", step " + batch.step() + "); the task failed " + failures + " times (maxRetries = "
        + options.maxRetries() + ")";
  }

  /** θ of a point, or its unit-cube coordinates if the prior transform itself throws. */
  private String describe(double[] unitPoint) {
    try {
      return source.describe(unitPoint);
    } catch (RuntimeException e) {
      return "(unit cube " + Arrays.toString(unitPoint) + "; the prior transform threw "
          + TaskEvaluator.describe(e) + ")";
    }
  }

  /**
   * A description of the stuck tasks when no task completed for the stall timeout, else null.
   *
   * @param holder describes who holds a task in flight (e.g. the worker's name)
   */
  String stallReport(BiFunction<TaskBook.Task, W, String> holder) {
    long now = clock.getAsLong();
    long idle = now - lastProgressNanos;
    if (batch == null || idle < options.stallTimeout().toNanos()) {
      return null;
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "no task completed for %.1f s (stall timeout %s) in batch %d (iteration %d, step %d, %d points)",
        idle * 1e-9, options.stallTimeout(), batch.id(), batch.iteration(), batch.step(), batch.size()));
    List<TaskBook.InFlight<W>> stuck = book.inFlightTasks();
    if (stuck.isEmpty()) {
      sb.append("; no task is in flight: no worker is taking tasks");
    }
    for (TaskBook.InFlight<W> f : stuck) {
      sb.append(String.format(Locale.ROOT, "; stuck: task of batch %d, first index %d, size %d, at %s for %.1f s",
          f.task().id().batchId(), f.task().from(), f.task().size(), holder.apply(f.task(), f.worker()),
          (now - f.sentAtNanos()) * 1e-9));
    }
    int pending = book.pendingCount();
    if (pending > 0) {
      sb.append("; ").append(pending).append(" more task").append(pending == 1 ? "" : "s").append(" pending");
    }
    return sb.toString();
  }

  /** The run's numbers so far, for {@code workers} workers. */
  RunStats stats(int workers) {
    return stats.snapshot(workers, clock.getAsLong() - startNanos, source.activeParticles());
  }
}
