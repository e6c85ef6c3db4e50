package io.squall.actors;

import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.Replicas;
import io.squall.sampler.SamplerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replicas mode on parallel drivers: the R = {@code settings.replicas()} independent replicas run
 * one after the other, each on all the workers, and are pooled by {@link Replicas#combine}; their
 * run statistics are added up.
 */
final class ReplicaRuns {
  private ReplicaRuns() {}

  /** Runs the replicas of {@code settings} through {@code runOne} and pools them. */
  static RunResult run(Model model, SamplerSettings settings, Function<BatchSource, RunResult> runOne) {
    List<PersistentSampler> samplers = Replicas.samplers(model, settings);
    List<RunStats> stats = new ArrayList<>();
    for (PersistentSampler sampler : samplers) {
      stats.add(runOne.apply(BatchSource.of(sampler)).stats());
    }
    return new RunResult(Replicas.combine(settings, samplers), sum(stats));
  }

  /** The statistics of several runs on the same workers, added up. */
  static RunStats sum(List<RunStats> runs) {
    double wall = 0;
    double evaluation = 0;
    double busy = 0;
    long batches = 0;
    long tasks = 0;
    long points = 0;
    long retries = 0;
    long restarts = 0;
    Map<String, WorkerStats> workers = new LinkedHashMap<>();
    LinkedHashSet<String> warnings = new LinkedHashSet<>();
    for (RunStats r : runs) {
      wall += r.wallSeconds();
      evaluation += r.evaluationSeconds();
      busy += r.busySeconds();
      batches += r.batches();
      tasks += r.tasks();
      points += r.points();
      retries += r.retries();
      restarts += r.restarts();
      r.workerStats().forEach(w -> workers.merge(w.worker(), w, ReplicaRuns::add));
      warnings.addAll(r.warnings());
    }
    RunStats last = runs.get(runs.size() - 1);
    double efficiency = evaluation > 0 ? busy / (last.workers() * evaluation) : Double.NaN;
    return new RunStats(last.workers(), wall, evaluation, busy, efficiency,
        points > 0 ? busy / points : Double.NaN, batches, tasks, points, retries, restarts,
        List.copyOf(workers.values()), last.advice(), List.copyOf(warnings));
  }

  private static WorkerStats add(WorkerStats a, WorkerStats b) {
    return new WorkerStats(a.worker(), a.tasks() + b.tasks(), a.points() + b.points(),
        a.busySeconds() + b.busySeconds(), a.idleSeconds() + b.idleSeconds(),
        a.failures() + b.failures(), a.restarts() + b.restarts());
  }
}
