package io.squall.actors.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.squall.actors.BatchSource;
import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.actors.RunStats;
import io.squall.actors.SamplerMaster;
import io.squall.actors.Worker;
import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.Request;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * How many workers one master can feed: the real {@link SamplerMaster} with W simulated workers
 * in one JVM. A simulated worker evaluates its tasks one at a time and "takes" exactly
 * {@code taskMs} per task without using the CPU (a scheduler thread wakes it), so thousands of
 * them fit on two cores and only the master's own cost limits the efficiency
 * Σ busy ÷ (W × evaluation wall time). A worker counts as busy from the start of a task to the
 * moment it replies (the scheduler's lateness on a loaded machine included, as a real worker
 * slowed down by its machine would be): it is idle only while it waits for the master. Tasks are single points (the cluster case of expensive
 * likelihoods), each batch has {@code tasksPerWorker × W} points, credits as given.
 *
 * <p>Not a test. Arguments: {@code [taskMs] [tasksPerWorker] [credits] [W ...]}; with
 * {@code -Dbench.serialize=on} every message is serialized and deserialized (Jackson CBOR, as
 * between nodes; on the same cores, so a conservative estimate). Prints one line per W.
 */
public final class MasterCapacityBenchmark {
  private static final int DIM = 10;
  private static final int BATCHES = 20;

  private MasterCapacityBenchmark() {}

  public static void main(String[] args) throws Exception {
    double taskMs = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int tasksPerWorker = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int credits = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int[] counts = args.length > 3 ? java.util.Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {100, 500, 1000, 2000, 4000};
    boolean serialize = Boolean.parseBoolean(System.getProperty("bench.serialize", "false"))
        || "on".equals(System.getProperty("bench.serialize"));
    Config config = ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.actor.serialize-messages = "
        + (serialize ? "on" : "off")).withFallback(ConfigFactory.load());
    run(200, taskMs, tasksPerWorker, credits, config);
    System.out.println("task_ms  tasks/worker/batch  credits  serialize  W  efficiency  tasks/s  "
        + "mean_lateness_us  other_load_cores");
    for (int w : counts) {
      DispatchBenchmark.Load.waitForQuiet(0.15, 60);
      DispatchBenchmark.Load.Sample before = DispatchBenchmark.Load.sample();
      Measured m = run(w, taskMs, tasksPerWorker, credits, config);
      double foreign = DispatchBenchmark.Load.foreignCores(before, DispatchBenchmark.Load.sample());
      System.out.printf(Locale.ROOT, "%.1f  %d  %d  %s  %d  %.4f  %.0f  %.1f  %.2f%n", taskMs, tasksPerWorker, credits,
          serialize ? "on" : "off", w, m.stats.parallelEfficiency(), m.stats.tasks() / m.stats.evaluationSeconds(),
          m.lateNanos / 1e3, foreign);
    }
  }

  record Measured(RunStats stats, double lateNanos) {}

  static Measured run(int workers, double taskMs, int tasksPerWorker, int credits, Config config) throws Exception {
    long taskNanos = Math.round(taskMs * 1e6);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "simulated-likelihood-clock");
      t.setDaemon(true);
      return t;
    });
    AtomicLong late = new AtomicLong();
    AtomicLong done = new AtomicLong();
    CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    LocalOptions options = LocalOptions.builder().workers(workers).pointsPerTask(1).maxTasksPerWorker(credits)
        .stallTimeout(Duration.ofMinutes(5)).build();
    Behavior<Void> guardian = Behaviors.setup(context -> {
      ActorRef<SamplerMaster.Command> master = context.spawn(
          SamplerMaster.create(new Source(workers * tasksPerWorker), options, outcome), "master",
          DispatcherSelector.fromConfig(LocalMode.MASTER_DISPATCHER));
      for (int i = 0; i < workers; i++) {
        context.spawn(simulated(master, credits, clock, taskNanos, late, done), "worker-" + i);
      }
      return Behaviors.empty();
    });
    ActorSystem<Void> system = ActorSystem.create(guardian, "capacity", config);
    try {
      RunResult result = outcome.get(10, TimeUnit.MINUTES);
      return new Measured(result.stats(), (double) late.get() / Math.max(1, done.get()));
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      clock.shutdownNow();
    }
  }

  private record Finish(Worker.Evaluate task, long startNanos)
      implements org.apache.pekko.actor.NoSerializationVerificationNeeded {}

  /** A worker that holds up to {@code credits} tasks and "evaluates" one at a time, taskNanos each. */
  private static Behavior<Object> simulated(ActorRef<SamplerMaster.Command> master, int credits,
      ScheduledExecutorService clock, long taskNanos, AtomicLong late, AtomicLong done) {
    return Behaviors.setup(context -> {
      ActorRef<Object> me = context.getSelf();
      ActorRef<Worker.Command> self = me.unsafeUpcast();
      master.tell(new SamplerMaster.RequestWork(self, credits));
      ArrayDeque<Worker.Evaluate> queue = new ArrayDeque<>();
      boolean[] busy = {false};
      Runnable startNext = () -> {
        Worker.Evaluate next = queue.pollFirst();
        if (next == null) {
          busy[0] = false;
          return;
        }
        busy[0] = true;
        long start = System.nanoTime();
        clock.schedule(() -> me.tell(new Finish(next, start)), taskNanos, TimeUnit.NANOSECONDS);
      };
      return Behaviors.receive(Object.class)
          .onMessage(Worker.Evaluate.class, task -> {
            queue.addLast(task);
            if (!busy[0]) {
              startNext.run();
            }
            return Behaviors.same();
          })
          .onMessage(Finish.class, finish -> {
            long busyNanos = System.nanoTime() - finish.startNanos();
            late.addAndGet(busyNanos - taskNanos);
            done.incrementAndGet();
            master.tell(new SamplerMaster.Evaluated(self, finish.task().task(),
                new double[finish.task().unitPoints().length], null, busyNanos));
            startNext.run();
            return Behaviors.same();
          })
          .build();
    });
  }

  /** BATCHES batches of n points of dimension DIM; values are ignored. */
  private static final class Source implements BatchSource {
    private final int n;
    private long batch;

    Source(int n) {
      this.n = n;
    }

    @Override
    public Request next() {
      if (batch == BATCHES) {
        return new Finished(null);
      }
      return new Batch(++batch, 0, 0, new double[n][DIM]);
    }

    @Override
    public void tell(long batchId, Evaluation evaluation) {
      // values are not used
    }

    @Override
    public String describe(double[] unitPoint) {
      return "simulated point";
    }
  }
}
