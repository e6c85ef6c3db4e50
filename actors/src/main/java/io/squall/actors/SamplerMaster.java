package io.squall.actors;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Batch;
import io.squall.sampler.Finished;
import io.squall.sampler.Request;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Owns the population (the {@link BatchSource}, normally the sampler) and hands its batches out
 * as tasks to the {@link Worker}s that pull them, as an MPI master does: a worker gets a task only
 * while it holds fewer than its credits, so at the end of a batch no task waits behind a slow
 * worker. The bookkeeping lives in a plain {@link SamplingRun}; this actor only translates
 * messages into calls on it. It never blocks.
 *
 * <p>When the source is finished the master completes {@code outcome} with the
 * {@link RunResult} and stops; on an error (a likelihood that keeps throwing, a value the sampler
 * rejects, a stall) it completes it exceptionally and stops.
 */
public final class SamplerMaster extends AbstractBehavior<SamplerMaster.Command> {
  /** What the master understands. */
  public sealed interface Command extends CborSerializable {}

  /**
   * {@code worker} (re)started and may hold up to {@code credits} tasks at once.
   *
   * @param worker the worker
   * @param credits its task limit, at least 1
   */
  public record RequestWork(ActorRef<Worker.Command> worker, int credits) implements Command {}

  /**
   * The values of a task, by point index; hands one credit back.
   *
   * @param worker the worker
   * @param task the task
   * @param logLikelihoods one per point of the task (on the wire: packed doubles)
   * @param derived the derived values, one row per point, or null if the model has none (on the
   *     wire: a packed matrix)
   * @param busyNanos time spent in the likelihood
   */
  public record Evaluated(
      ActorRef<Worker.Command> worker,
      TaskId task,
      @JsonSerialize(using = PackedDoubles.VectorSerializer.class)
      @JsonDeserialize(using = PackedDoubles.VectorDeserializer.class)
      double[] logLikelihoods,
      @JsonSerialize(using = PackedDoubles.MatrixSerializer.class)
      @JsonDeserialize(using = PackedDoubles.MatrixDeserializer.class)
      double[][] derived,
      long busyNanos) implements Command {
    /** The result of a task, as the worker computed it. */
    static Evaluated of(ActorRef<Worker.Command> worker, TaskId task, Evaluation evaluation, long busyNanos) {
      return new Evaluated(worker, task, evaluation.logLikelihoods(),
          evaluation.derivedCount() == 0 ? null : evaluation.derived(), busyNanos);
    }

    /** The values as an {@link Evaluation}. */
    Evaluation evaluation() {
      return derived == null ? Evaluation.of(logLikelihoods) : new Evaluation(logLikelihoods, derived);
    }
  }

  /**
   * The likelihood threw an exception on a task; hands one credit back.
   *
   * @param worker the worker
   * @param task the task
   * @param pointIndex batch index of the first point that throws on its own, or -1 if unknown
   * @param error the exception's class and message
   * @param busyNanos time spent in the likelihood
   */
  public record Failed(ActorRef<Worker.Command> worker, TaskId task, int pointIndex, String error, long busyNanos)
      implements Command {}

  /**
   * {@code worker} crashed with an {@code Error} and is being restarted; the tasks it held go back
   * to the queue, and it gets no more until it asks again with {@link RequestWork}.
   *
   * @param worker the worker
   * @param task the task it was evaluating, or null
   * @param error the error's class and message
   */
  public record WorkerRestarting(ActorRef<Worker.Command> worker, TaskId task, String error) implements Command {}

  /**
   * The node at {@code address} (as {@code Address.toString()}, e.g.
   * {@code pekko://squall@10.0.0.7:25520}) is unreachable or leaving: the tasks in flight at its
   * workers go back to the queue at once, and its workers get no new task until
   * {@link NodeReachable}. Their late results are still applied (duplicates are ignored). Sent by
   * cluster mode; a worker that is really gone is also removed when it terminates.
   *
   * @param address the node's address
   */
  public record NodeUnreachable(String address) implements Command {}

  /**
   * The node at {@code address} is reachable again: its workers get tasks again.
   *
   * @param address the node's address
   */
  public record NodeReachable(String address) implements Command {}

  private record WorkerTerminated(ActorRef<Worker.Command> worker) implements Command {}

  private enum CheckProgress implements Command { INSTANCE }

  private final LocalOptions options;
  private final CompletableFuture<RunResult> outcome;
  private final SamplingRun<ActorRef<Worker.Command>> run;
  private final Map<ActorRef<Worker.Command>, Integer> credits = new LinkedHashMap<>();
  private final Set<String> unreachableNodes = new HashSet<>();

  private SamplerMaster(ActorContext<Command> context, BatchSource source, LocalOptions options,
      CompletableFuture<RunResult> outcome) {
    super(context);
    context.setLoggerName(SamplerMaster.class);
    this.options = options;
    this.outcome = outcome;
    this.run = new SamplingRun<>(source, options, System::nanoTime);
  }

  /**
   * A master that samples {@code source} and completes {@code outcome}. Workers join by sending
   * {@link RequestWork}.
   */
  public static Behavior<Command> create(BatchSource source, LocalOptions options,
      CompletableFuture<RunResult> outcome) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(CheckProgress.INSTANCE, checkInterval(options.stallTimeout()));
      SamplerMaster master = new SamplerMaster(context, source, options, outcome);
      return master.guarded(master::nextBatch);
    }));
  }

  private static Duration checkInterval(Duration stallTimeout) {
    long millis = Math.max(10, Math.min(1000, stallTimeout.toMillis() / 5));
    return Duration.ofMillis(millis);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RequestWork.class, m -> guarded(() -> onRequestWork(m)))
        .onMessage(Evaluated.class, m -> guarded(() -> onEvaluated(m)))
        .onMessage(Failed.class, m -> guarded(() -> onFailed(m)))
        .onMessage(WorkerRestarting.class, m -> guarded(() -> onWorkerRestarting(m)))
        .onMessage(WorkerTerminated.class, m -> guarded(() -> onWorkerTerminated(m)))
        .onMessage(NodeUnreachable.class, m -> guarded(() -> onNodeUnreachable(m)))
        .onMessage(NodeReachable.class, m -> guarded(() -> onNodeReachable(m)))
        .onMessage(CheckProgress.class, m -> guarded(this::onCheckProgress))
        .build();
  }

  private Behavior<Command> onRequestWork(RequestWork request) {
    if (!credits.containsKey(request.worker())) {
      getContext().watchWith(request.worker(), new WorkerTerminated(request.worker()));
      run.workerJoined(name(request.worker()));
    }
    credits.put(request.worker(), Math.max(1, request.credits()));
    dispatch(request.worker());
    return this;
  }

  private Behavior<Command> onEvaluated(Evaluated evaluated) {
    SamplingRun.Outcome result = run.complete(evaluated.worker(), name(evaluated.worker()), evaluated.task(),
        evaluated.evaluation(), evaluated.busyNanos());
    if (result == SamplingRun.Outcome.BATCH_DONE) {
      return nextBatch();
    }
    dispatch(evaluated.worker());
    return this;
  }

  private Behavior<Command> onFailed(Failed failed) {
    run.fail(failed.worker(), name(failed.worker()), failed.task(), failed.pointIndex(), failed.error(),
        failed.busyNanos());
    dispatchAll();
    return this;
  }

  private Behavior<Command> onWorkerRestarting(WorkerRestarting restarting) {
    getContext().getLog().warn("{} restarts after {} (task {})", name(restarting.worker()), restarting.error(),
        restarting.task());
    credits.replace(restarting.worker(), 0);
    run.workerCrashed(restarting.worker(), name(restarting.worker()), restarting.task(), restarting.error());
    dispatchAll();
    return this;
  }

  private Behavior<Command> onWorkerTerminated(WorkerTerminated terminated) {
    credits.remove(terminated.worker());
    run.workerLost(terminated.worker());
    dispatchAll();
    return this;
  }

  private Behavior<Command> onNodeUnreachable(NodeUnreachable unreachable) {
    if (!unreachableNodes.add(unreachable.address())) {
      return this;
    }
    int workers = 0;
    int tasks = 0;
    for (ActorRef<Worker.Command> worker : credits.keySet()) {
      if (onNode(worker, unreachable.address())) {
        workers++;
        tasks += run.workerLost(worker);
      }
    }
    getContext().getLog().warn("node {} is unreachable: {} task(s) of its {} worker(s) are back in the queue",
        unreachable.address(), tasks, workers);
    dispatchAll();
    return this;
  }

  private Behavior<Command> onNodeReachable(NodeReachable reachable) {
    if (unreachableNodes.remove(reachable.address())) {
      getContext().getLog().info("node {} is reachable again", reachable.address());
      dispatchAll();
    }
    return this;
  }

  private static boolean onNode(ActorRef<?> worker, String address) {
    return worker.path().address().toString().equals(address);
  }

  private Behavior<Command> onCheckProgress() {
    String stall = run.stallReport((task, worker) -> name(worker));
    if (stall != null) {
      return fail(new RunStalledException(stall));
    }
    return this;
  }

  private Behavior<Command> nextBatch() {
    Request request = run.advance(workerCount());
    if (request instanceof Finished finished) {
      outcome.complete(new RunResult(finished.result(), run.stats(workerCount())));
      return Behaviors.stopped();
    }
    assert request instanceof Batch;
    dispatchAll();
    return this;
  }

  /**
   * Hands out tasks to every worker: first one to each, then up to its credits, so that at the
   * start of a batch the last of many workers waits for W sends rather than W × credits.
   */
  private void dispatchAll() {
    for (ActorRef<Worker.Command> worker : credits.keySet()) {
      dispatch(worker, 1);
    }
    for (ActorRef<Worker.Command> worker : credits.keySet()) {
      dispatch(worker, Integer.MAX_VALUE);
    }
  }

  private void dispatch(ActorRef<Worker.Command> worker) {
    dispatch(worker, Integer.MAX_VALUE);
  }

  private void dispatch(ActorRef<Worker.Command> worker, int atMost) {
    Integer credit = credits.get(worker);
    if (credit == null || (!unreachableNodes.isEmpty()
        && unreachableNodes.contains(worker.path().address().toString()))) {
      return;
    }
    int limit = Math.min(credit, atMost);
    while (run.inFlight(worker) < limit) {
      TaskBook.Task task = run.assign(worker);
      if (task == null) {
        return;
      }
      worker.tell(new Worker.Evaluate(task.id(), run.points(task)));
    }
  }

  private int workerCount() {
    return Math.max(Math.max(1, options.workers()), credits.size());
  }

  private Behavior<Command> guarded(Supplier<Behavior<Command>> handler) {
    try {
      return handler.get();
    } catch (RuntimeException e) {
      return fail(e);
    }
  }

  private Behavior<Command> fail(RuntimeException error) {
    outcome.completeExceptionally(error);
    return Behaviors.stopped();
  }

  private static String name(ActorRef<?> worker) {
    return worker.path().address().hasLocalScope()
        ? worker.path().name()
        : worker.path().name() + "@" + worker.path().address().hostPort();
  }
}
