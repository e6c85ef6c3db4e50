package io.squall.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Local mode: one {@link ActorSystem} in this JVM with a {@link SamplerMaster} and N pulling
 * {@link Worker}s on the blocking dispatcher {@value #WORKER_DISPATCHER} (a fixed pool of N
 * threads). The likelihood may be a lambda: nothing of the model is serialized.
 *
 * <pre>{@code
 * Squall.Builder b = Squall.sampler().prior(Prior.uniformBox(3, -10, 10)).logLikelihood(theta -> ...);
 * RunResult run = LocalMode.run(b.model(), b.settings(), LocalOptions.withWorkers(4));
 * SamplerResult result = run.result();          // bit-identical to SequentialDriver.run
 * run.stats().advice().forEach(System.out::println);
 * }</pre>
 *
 * <p>The call blocks until the run ends. It throws {@link io.squall.sampler.LikelihoodException}
 * when the sampler rejects a value (NaN, +∞) or a task's likelihood kept throwing (the message
 * names the point's θ), and {@link RunStalledException} when no task completed for the stall
 * timeout. A likelihood call that never returns keeps its (daemon) thread busy after that.
 */
public final class LocalMode {
  /** Config path of the workers' dispatcher. */
  public static final String WORKER_DISPATCHER = "squall.worker-dispatcher";
  /** Config path of the master's dispatcher. */
  public static final String MASTER_DISPATCHER = "squall.master-dispatcher";

  private static final Duration TERMINATION_WAIT = Duration.ofSeconds(5);
  private static final Duration TERMINATION_WAIT_AFTER_STALL = Duration.ofMillis(200);

  private LocalMode() {}

  /** Samples {@code model} with {@code settings} on {@code options.workers()} local workers. */
  public static RunResult run(Model model, SamplerSettings settings, LocalOptions options) {
    return run(model, settings, options, ConfigFactory.load());
  }

  /**
   * As {@link #run(Model, SamplerSettings, LocalOptions)} with an explicit Pekko configuration
   * (which should fall back on the reference configuration, as {@code ConfigFactory.load()} does).
   */
  public static RunResult run(Model model, SamplerSettings settings, LocalOptions options, Config config) {
    if (settings.replicas() > 1) {
      return ReplicaRuns.run(model, settings, source -> run(source, model, options, config));
    }
    return run(BatchSource.of(PersistentSampler.create(model, settings)), model, options, config);
  }

  /**
   * Drives {@code sampler} — fresh, resumed from a checkpoint, or checkpointing — to the end on
   * {@code options.workers()} local workers evaluating its model.
   */
  public static RunResult run(PersistentSampler sampler, LocalOptions options) {
    return run(BatchSource.of(sampler), sampler.model(), options, ConfigFactory.load());
  }

  /**
   * Drives any {@link BatchSource} (normally a {@link PersistentSampler}) whose points
   * {@code model} evaluates; used by the dispatch benchmark.
   */
  public static RunResult run(BatchSource source, Model model, LocalOptions options, Config config) {
    if (options.workers() < 1) {
      throw new SettingsException(List.of("local mode needs at least 1 worker, got " + options.workers()
          + " (use the sequential driver for 0)"));
    }
    CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    ActorSystem<Void> system = ActorSystem.create(guardian(source, model, options, outcome), "squall-local",
        systemConfig(options, config));
    system.getWhenTerminated().whenComplete((done, error) -> outcome.completeExceptionally(
        new IllegalStateException("the actor system stopped before the run ended")));
    Duration terminationWait = TERMINATION_WAIT;
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RunStalledException) {
        terminationWait = TERMINATION_WAIT_AFTER_STALL;
      }
      throw rethrow(e.getCause());
    } finally {
      terminate(system, terminationWait);
    }
  }

  /** {@code config} with the worker pool sized to the workers (whichever executor) and daemon threads. */
  static Config systemConfig(LocalOptions options, Config config) {
    int n = options.workers();
    return ConfigFactory.parseString(String.join("\n",
            WORKER_DISPATCHER + ".thread-pool-executor.fixed-pool-size = " + n,
            WORKER_DISPATCHER + ".affinity-pool-executor.parallelism-min = " + n,
            WORKER_DISPATCHER + ".affinity-pool-executor.parallelism-max = " + n,
            "pekko.daemonic = on"))
        .withFallback(config);
  }

  private static Behavior<Void> guardian(BatchSource source, Model model, LocalOptions options,
      CompletableFuture<RunResult> outcome) {
    return Behaviors.setup(context -> {
      ActorRef<SamplerMaster.Command> master = context.spawn(SamplerMaster.create(source, options, outcome), "master",
          DispatcherSelector.fromConfig(MASTER_DISPATCHER));
      context.watch(master);
      for (int i = 0; i < options.workers(); i++) {
        ActorRef<Worker.Command> worker = context.spawn(Worker.create(model, master, options.maxTasksPerWorker()),
            "worker-" + i, DispatcherSelector.fromConfig(WORKER_DISPATCHER));
        // announced at once on the worker's behalf, so that every worker of the pool takes part and
        // appears in the stats even if its own first request would come after a short run's end
        master.tell(new SamplerMaster.RequestWork(worker, options.maxTasksPerWorker()));
      }
      return Behaviors.receive(Void.class)
          .onSignal(Terminated.class, signal -> {
            outcome.completeExceptionally(new IllegalStateException("the master stopped before the run ended"));
            return Behaviors.stopped();
          })
          .build();
    });
  }

  private static void terminate(ActorSystem<Void> system, Duration wait) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // A worker stuck in a likelihood call that never returns: its daemon thread is left behind.
    }
  }

  static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
