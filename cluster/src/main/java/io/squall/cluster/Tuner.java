package io.squall.cluster;

import io.squall.sampler.Model;
import io.squall.sampler.SettingsException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures a model on this machine, as {@code squall tune} does: first the time and the
 * allocation per point of tasks of 1, 2, 4, … points on one thread (a task size is a candidate only
 * while one task's allocation, the estimated memory per worker, stays within
 * {@code squall.tune.max-memory-per-worker}); the smallest task within 5 % of the best time per
 * point wins (smaller tasks balance better). Then the throughput of 1 … cores workers evaluating
 * such tasks at once; a worker more is taken only when it adds at least 5 %.
 *
 * <p>The points are drawn uniformly from the prior with a fixed seed; timings are measurements,
 * so two tunings may differ, but a tuning changes only the speed of a run, never its result.
 */
final class Tuner {
  private static final double GAIN = 1.05;

  private final Model model;
  private final TuneSettings settings;
  private final PrintWriter log;
  private final double[][] points;

  Tuner(Model model, TuneSettings settings, PrintWriter log) {
    this.model = model;
    this.settings = settings;
    this.log = log;
    SplittableRandom random = new SplittableRandom(1);
    this.points = new double[64][model.dimension()];
    for (double[] point : points) {
      for (int k = 0; k < point.length; k++) {
        point[k] = random.nextDouble();
      }
    }
  }

  /** One candidate's measurement: {@code points} evaluated in tasks of {@code pointsPerTask}. */
  record Measurement(int pointsPerTask, long points, double secondsPerPoint, long bytesPerPoint) {
    long memoryPerWorker() {
      return pointsPerTask * bytesPerPoint;
    }
  }

  /** Measures and chooses; {@code maxWorkers} is the most workers tried (the cores). */
  Tuning tune(int maxWorkers, int maxPointsPerTask) {
    evaluate(1, settings.timePerCandidate().toNanos() / 2); // warm-up
    Measurement best = taskSize(maxPointsPerTask);
    int workers = 1;
    double throughput = 1.0 / best.secondsPerPoint();
    long heap = Runtime.getRuntime().maxMemory();
    for (int w = 2; w <= maxWorkers && (long) w * best.memoryPerWorker() <= heap; w++) {
      double t = throughput(w, best.pointsPerTask());
      log.printf(Locale.ROOT, "  %d workers x %d points per task: %.1f points/s%n", w, best.pointsPerTask(), t);
      if (t >= GAIN * throughput) {
        workers = w;
        throughput = t;
      }
    }
    return new Tuning(workers, best.pointsPerTask(), best.secondsPerPoint(), best.bytesPerPoint(),
        best.memoryPerWorker(), throughput, Instant.now().toString());
  }

  private Measurement taskSize(int maxPointsPerTask) {
    List<Measurement> fitting = new ArrayList<>();
    for (int p = 1; p <= Math.max(1, maxPointsPerTask); p *= 2) {
      Measurement m = evaluate(p, settings.timePerCandidate().toNanos());
      boolean fits = m.memoryPerWorker() <= settings.maxMemoryPerWorker();
      log.printf(Locale.ROOT, "  1 worker  x %d points per task: %.3g s/point, %d bytes/point, %d bytes/worker%s%n",
          p, m.secondsPerPoint(), m.bytesPerPoint(), m.memoryPerWorker(), fits ? "" : " (over " + TuneSettings.MAX_MEMORY + ")");
      if (!fits) {
        break;
      }
      fitting.add(m);
      if (m.secondsPerPoint() * p * 1e9 > settings.timePerCandidate().toNanos()) {
        break; // one task already fills the measuring time: larger tasks gain nothing measurable
      }
    }
    if (fitting.isEmpty()) {
      throw new SettingsException(List.of(TuneSettings.MAX_MEMORY + " = " + settings.maxMemoryPerWorker()
          + " bytes is less than one point of " + model + " allocates on this machine"));
    }
    double fastest = fitting.stream().mapToDouble(Measurement::secondsPerPoint).min().orElseThrow();
    return fitting.stream().filter(m -> m.secondsPerPoint() <= GAIN * fastest).findFirst().orElseThrow();
  }

  /** Evaluates tasks of {@code pointsPerTask} on this thread for about {@code nanos} (one task at least). */
  private Measurement evaluate(int pointsPerTask, long nanos) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long bytes0 = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long evaluated = 0;
    int next = 0;
    do {
      double[][] task = new double[pointsPerTask][];
      for (int i = 0; i < pointsPerTask; i++) {
        task[i] = points[next++ % points.length];
      }
      model.evaluateUnitCube(task);
      evaluated += pointsPerTask;
    } while (System.nanoTime() - start < nanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
    return new Measurement(pointsPerTask, evaluated, seconds / evaluated, Math.max(1, bytes / evaluated));
  }

  /** Points per second of {@code workers} threads evaluating tasks of {@code pointsPerTask} at once. */
  private double throughput(int workers, int pointsPerTask) {
    List<Thread> threads = new ArrayList<>();
    long[] evaluated = new long[workers];
    long nanos = settings.timePerCandidate().toNanos();
    long start = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      int index = w;
      Thread thread = new Thread(() -> {
        evaluated[index] = evaluate(pointsPerTask, nanos).points();
      }, "squall-tune-" + w);
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tuning", e);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long total = 0;
    for (long n : evaluated) {
      total += n;
    }
    return total / wall;
  }
}
