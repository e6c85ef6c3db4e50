package io.squall.actors;

import io.squall.sampler.Finished;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.Request;
import io.squall.sampler.SamplerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * "Pass your own pool": the same sampler loop as {@link LocalMode}, with the tasks of each batch
 * submitted to a caller-supplied {@link ExecutorService} instead of worker actors (no actor
 * system). Results are applied by point index, so the result is bit-identical to the sequential
 * driver; failed tasks are resubmitted up to {@link LocalOptions#maxRetries()} times (an
 * {@link Error} in the likelihood counts as a failure); a stall raises
 * {@link RunStalledException}. The executor is not shut down.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4);
 * RunResult run = ExecutorMode.run(model, settings, pool);
 * }</pre>
 */
public final class ExecutorMode {
  private static final String OWNER = "executor";

  private record Done(TaskId task, String thread, TaskEvaluator.Outcome outcome) {}

  private ExecutorMode() {}

  /** Samples {@code model} on {@code executor}, with default options sized to the executor. */
  public static RunResult run(Model model, SamplerSettings settings, ExecutorService executor) {
    return run(model, settings, executor, LocalOptions.builder().workers(0).build());
  }

  /**
   * Samples {@code model} on {@code executor}; {@code options.workers()} is the executor's
   * parallelism (0: read from a {@link ThreadPoolExecutor} or {@link ForkJoinPool}, else the
   * number of cores).
   */
  public static RunResult run(Model model, SamplerSettings settings, ExecutorService executor, LocalOptions options) {
    if (settings.replicas() > 1) {
      return ReplicaRuns.run(model, settings, source -> run(source, model, executor, options));
    }
    return run(BatchSource.of(PersistentSampler.create(model, settings)), model, executor, options);
  }

  /** Drives any {@link BatchSource} whose points {@code model} evaluates. */
  public static RunResult run(BatchSource source, Model model, ExecutorService executor, LocalOptions options) {
    int workers = options.workers() > 0 ? options.workers() : parallelism(executor);
    SamplingRun<String> run = new SamplingRun<>(source, options, System::nanoTime);
    CompletionService<Done> completions = new ExecutorCompletionService<>(executor);
    Map<TaskId, String> running = new ConcurrentHashMap<>();
    List<Future<Done>> submitted = new ArrayList<>();
    long pollMillis = Math.max(10, Math.min(1000, options.stallTimeout().toMillis() / 5));
    try {
      while (true) {
        Request request = run.advance(workers);
        if (request instanceof Finished finished) {
          return new RunResult(finished.result(), run.stats(workers));
        }
        submitted.clear();
        SamplingRun.Outcome outcome = SamplingRun.Outcome.ACCEPTED;
        while (outcome != SamplingRun.Outcome.BATCH_DONE) {
          submitPending(run, model, completions, running, submitted);
          Future<Done> future = completions.poll(pollMillis, TimeUnit.MILLISECONDS);
          if (future == null) {
            String stall = run.stallReport((task, owner) -> "executor thread "
                + running.getOrDefault(task.id(), "(queued)"));
            if (stall != null) {
              throw new RunStalledException(stall);
            }
            continue;
          }
          outcome = apply(run, future.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the run", e);
    } catch (ExecutionException e) {
      throw LocalMode.rethrow(e.getCause());
    } finally {
      for (Future<Done> future : submitted) {
        future.cancel(true);
      }
    }
  }

  private static SamplingRun.Outcome apply(SamplingRun<String> run, Done done) {
    TaskEvaluator.Outcome outcome = done.outcome();
    if (outcome.ok()) {
      return run.complete(OWNER, done.thread(), done.task(), outcome.evaluation(), outcome.busyNanos());
    }
    run.fail(OWNER, done.thread(), done.task(), outcome.failedIndex(), outcome.error(), outcome.busyNanos());
    return SamplingRun.Outcome.ACCEPTED;
  }

  private static void submitPending(SamplingRun<String> run, Model model, CompletionService<Done> completions,
      Map<TaskId, String> running, List<Future<Done>> submitted) {
    for (TaskBook.Task task = run.assign(OWNER); task != null; task = run.assign(OWNER)) {
      TaskId id = task.id();
      double[][] points = run.points(task);
      submitted.add(completions.submit(() -> evaluate(model, id, points, running)));
    }
  }

  private static Done evaluate(Model model, TaskId id, double[][] points, Map<TaskId, String> running) {
    String thread = Thread.currentThread().getName();
    running.put(id, thread);
    long start = System.nanoTime();
    try {
      return new Done(id, thread, TaskEvaluator.evaluate(model, points, id.from()));
    } catch (Error e) {
      int point = points.length == 1 ? id.from() : -1;
      return new Done(id, thread, new TaskEvaluator.Outcome(null, point, TaskEvaluator.describe(e),
          System.nanoTime() - start));
    } finally {
      running.remove(id);
    }
  }

  /** The parallelism of a known executor type, else the number of cores. */
  static int parallelism(ExecutorService executor) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (executor instanceof ThreadPoolExecutor pool) {
      int max = pool.getMaximumPoolSize();
      return max > 0 && max < 10_000 ? max : Math.max(cores, pool.getCorePoolSize());
    }
    if (executor instanceof ForkJoinPool pool) {
      return pool.getParallelism();
    }
    return cores;
  }
}
