package io.squall.cluster;

import io.squall.actors.BatchSource;
import io.squall.actors.WorkerActivity;
import io.squall.sampler.Evaluation;
import io.squall.sampler.IterationDiagnostics;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.ProgressListener;
import io.squall.sampler.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a run for the progress display and the plots: listens to the sampler's iterations and,
 * in parallel modes, to the workers' activity (through the {@link BatchSource} it wraps), shows
 * each iteration, and keeps the records for {@code utilisation.png}. It only observes: the run is
 * bit-identical with or without it. Everything is called in the thread that drives the sampler.
 */
final class RunProgress implements ProgressListener {
  private final ProgressDisplay display;
  private long startNanos = System.nanoTime();
  private boolean started;
  private final List<IterationProgress> iterations = new ArrayList<>();
  private final List<WorkerActivity> activity = new ArrayList<>();
  private WorkerActivity iterationStart = new WorkerActivity(0, 0, 0);

  RunProgress(ProgressDisplay display) {
    this.display = display;
  }

  /** A follower that shows nothing (it still records). */
  static RunProgress silent() {
    return new RunProgress(ProgressDisplay.quiet());
  }

  /** Listens to {@code sampler}'s iterations; returns it. */
  PersistentSampler attach(PersistentSampler sampler) {
    sampler.progressListener(this);
    return sampler;
  }

  /** {@code sampler} as the batch source of a parallel run, listened to, with the workers' activity. */
  BatchSource source(PersistentSampler sampler) {
    BatchSource inner = BatchSource.of(attach(sampler));
    return new BatchSource() {
      @Override
      public Request next() {
        if (!started) { // a cluster master may wait for workers before its first batch
          startNanos = System.nanoTime();
          started = true;
        }
        return inner.next();
      }

      @Override
      public void tell(long batchId, Evaluation evaluation) {
        inner.tell(batchId, evaluation);
      }

      @Override
      public String describe(double[] unitPoint) {
        return inner.describe(unitPoint);
      }

      @Override
      public int activeParticles() {
        return inner.activeParticles();
      }

      @Override
      public int derivedCount() {
        return inner.derivedCount();
      }

      @Override
      public void workerActivity(WorkerActivity now) {
        activity.add(now);
      }
    };
  }

  @Override
  public void iterationDone(IterationDiagnostics d) {
    double wall = (System.nanoTime() - startNanos) * 1e-9;
    IterationProgress p;
    if (activity.isEmpty()) { // the sequential driver: the calling thread does everything
      p = IterationProgress.of(d, wall, 1, 1);
    } else {
      WorkerActivity now = activity.get(activity.size() - 1);
      p = IterationProgress.of(d, wall, now.busyWorkersSince(iterationStart), now.workers());
      iterationStart = now;
    }
    iterations.add(p);
    try {
      display.show(p);
    } catch (RuntimeException e) {
      // a display problem (e.g. a terminal that went away) must not stop the run
    }
  }

  /** The run finished (a bar fills up). */
  void finished() {
    display.finished();
  }

  /** Ends the display. */
  void close() {
    display.close();
  }

  /** The iterations seen so far. */
  List<IterationProgress> iterations() {
    return List.copyOf(iterations);
  }

  /** The workers' running totals after every batch (empty in sequential mode). */
  List<WorkerActivity> activity() {
    return List.copyOf(activity);
  }
}
