package io.squall.actors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the numbers of a run as events happen (tasks done, failures, restarts, evaluation
 * phases) and turns them into an immutable {@link RunStats}. Plain class, one thread.
 */
final class RunStatistics {
  private static final class PerWorker {
    long tasks;
    long points;
    long busyNanos;
    int failures;
    int restarts;
  }

  private final Map<String, PerWorker> perWorker = new LinkedHashMap<>();
  private long evaluationNanos;
  private long batchStartNanos;
  private long batchBusyNanos;
  private long batchPoints;
  private double lastNanosPerPoint = Double.NaN;
  private long batches;
  private long tasks;
  private long points;
  private long busyNanos;
  private long retries;
  private long restarts;

  /** Registers a worker so that it appears in the stats even if it never completes a task. */
  void worker(String name) {
    perWorker.computeIfAbsent(name, n -> new PerWorker());
  }

  void batchStarted(long nowNanos) {
    batchStartNanos = nowNanos;
    batchBusyNanos = 0;
    batchPoints = 0;
  }

  void batchFinished(long nowNanos) {
    evaluationNanos += nowNanos - batchStartNanos;
    batches++;
    if (batchPoints > 0 && batchBusyNanos > 0) {
      lastNanosPerPoint = (double) batchBusyNanos / batchPoints;
    }
  }

  void taskDone(String worker, int taskPoints, long taskBusyNanos) {
    PerWorker w = perWorker.computeIfAbsent(worker, n -> new PerWorker());
    w.tasks++;
    w.points += taskPoints;
    w.busyNanos += taskBusyNanos;
    tasks++;
    points += taskPoints;
    busyNanos += taskBusyNanos;
    batchBusyNanos += taskBusyNanos;
    batchPoints += taskPoints;
  }

  /** Likelihood time of work that produced no accepted values (failed or duplicate tasks). */
  void wastedBusy(String worker, long taskBusyNanos) {
    perWorker.computeIfAbsent(worker, n -> new PerWorker()).busyNanos += taskBusyNanos;
    busyNanos += taskBusyNanos;
  }

  void failure(String worker) {
    perWorker.computeIfAbsent(worker, n -> new PerWorker()).failures++;
  }

  void restart(String worker) {
    perWorker.computeIfAbsent(worker, n -> new PerWorker()).restarts++;
    restarts++;
  }

  void retry() {
    retries++;
  }

  /**
   * The running totals for a progress display, {@code wallNanos} after the start, for a pool of
   * {@code workers} (the size the batch was cut for: in local mode all workers, even one that has
   * not asked for a task yet).
   */
  WorkerActivity activity(long wallNanos, int workers) {
    return new WorkerActivity(workers, busyNanos * 1e-9, wallNanos * 1e-9);
  }

  /** The likelihood time per point measured in the last batch (NaN before). */
  double nanosPerPoint() {
    return lastNanosPerPoint;
  }

  /** The numbers so far, with advice for a run of {@code activeParticles} (0 if unknown). */
  RunStats snapshot(int workers, long wallNanos, int activeParticles) {
    List<WorkerStats> list = new ArrayList<>();
    for (Map.Entry<String, PerWorker> e : perWorker.entrySet()) {
      PerWorker w = e.getValue();
      list.add(new WorkerStats(e.getKey(), w.tasks, w.points, w.busyNanos * 1e-9,
          Math.max(0, evaluationNanos - w.busyNanos) * 1e-9, w.failures, w.restarts));
    }
    double efficiency = evaluationNanos > 0 && workers > 0
        ? (double) busyNanos / ((double) workers * evaluationNanos) : Double.NaN;
    double secondsPerPoint = points > 0 ? busyNanos * 1e-9 / points : Double.NaN;
    List<String> warnings = new ArrayList<>();
    Advice.workerCountWarning(activeParticles, workers).ifPresent(warnings::add);
    return new RunStats(workers, wallNanos * 1e-9, evaluationNanos * 1e-9, busyNanos * 1e-9, efficiency,
        secondsPerPoint, batches, tasks, points, retries, restarts, list,
        List.of(Advice.strategy(secondsPerPoint)), warnings);
  }
}
