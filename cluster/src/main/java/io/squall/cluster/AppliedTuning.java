package io.squall.cluster;

import io.squall.actors.LocalOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cached {@link Tuning} that a {@code squall run} used, and how: it sets the workers unless
 * {@code --workers} is given, and the points per task unless {@code squall.tasks.points-per-task}
 * is set. Sequential runs ({@code --workers 0}) use none.
 *
 * @param file the cache file
 * @param tuning the cached tuning
 */
record AppliedTuning(Path file, Tuning tuning) {
  /**
   * {@code settings} with the cached tuning of their model applied, if there is one, saying so on
   * {@code out}; a damaged cache is reported and ignored.
   */
  static Optional<AppliedTuning> lookup(RunSettings settings, TuneSettings tune, PrintWriter out) {
    if (!tune.useCache() || settings.execution().mode() != ExecutionMode.LOCAL) {
      return Optional.empty();
    }
    TuningCache cache = new TuningCache(tune.cacheDir(), HardwareSignature.current());
    try {
      return cache.lookup(settings.model()).map(t -> new AppliedTuning(cache.file(), t));
    } catch (TuningCache.CorruptCacheException e) {
      out.println("warning: " + e.getMessage() + "; running untuned (run 'squall tune --retune')");
      return Optional.empty();
    }
  }

  /**
   * The cached workers per node of the model of a worker node whose {@code squall.cluster.workers}
   * is 0 (one per core), if there are some, saying so on {@code out}.
   */
  static Optional<Integer> workersPerNode(RunSettings settings, TuneSettings tune, PrintWriter out) {
    Optional<AppliedTuning> applied = lookup(settings.withExecution(Execution.local(1)), tune, out);
    applied.ifPresent(a -> {
      out.println("tuning: using " + a.file() + ": " + a.tuning().workers() + " worker actors on this node");
      out.flush();
    });
    return applied.map(a -> a.tuning().workers());
  }

  /** The settings with this tuning applied; {@code workersGiven}: --workers was on the command line. */
  RunSettings apply(RunSettings settings, boolean workersGiven, PrintWriter out) {
    int workers = workersGiven ? settings.execution().workers() : tuning.workers();
    int pointsPerTask = settings.local().pointsPerTask() == 0 ? tuning.pointsPerTask() : settings.local().pointsPerTask();
    LocalOptions local = settings.local().toBuilder().workers(workers).pointsPerTask(pointsPerTask).build();
    out.println("tuning: using " + file + " (measured " + tuning.measuredAt() + "): " + workers + " workers, "
        + pointsPerTask + " points per task");
    return new RunSettings(settings.model(), settings.sampler(), settings.outputDir(), Execution.local(workers), local,
        settings.cluster(), settings.checkpoint());
  }
}
