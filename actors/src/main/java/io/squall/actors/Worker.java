package io.squall.actors;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.squall.sampler.Model;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Evaluates likelihood tasks it pulls from the {@link SamplerMaster}: on start it asks for up to
 * {@code credits} tasks ({@link SamplerMaster.RequestWork}); each reply
 * ({@link SamplerMaster.Evaluated} or {@link SamplerMaster.Failed}) hands one credit back, so the
 * master sends the next task. Runs on the blocking dispatcher {@value LocalMode#WORKER_DISPATCHER},
 * never on the default one.
 *
 * <p>The {@link Model} is given at creation and never travels in a message. An {@link Exception}
 * from the likelihood is reported as {@link SamplerMaster.Failed} (the master retries); an
 * {@link Error} crashes the worker: it tells the master which task it was evaluating
 * ({@link SamplerMaster.WorkerRestarting}) and is restarted by its supervisor, then asks for work
 * again. Across nodes, a result too large for one message (more than {@code maxResultBytes}, e.g.
 * a point with tens of thousands of derived values) is not sent, which Artery would drop; the
 * worker reports it as {@link SamplerMaster.Failed} with the sizes, so the run stops with that
 * message instead of stalling.
 */
public final class Worker extends AbstractBehavior<Worker.Command> {
  /** What a worker understands. */
  public sealed interface Command extends CborSerializable {}

  /**
   * Evaluate the points of {@code task}.
   *
   * @param task the task; {@code unitPoints[i]} is point {@code task.from() + i} of its batch
   * @param unitPoints unit-cube points, one row per point (on the wire: packed doubles)
   */
  public record Evaluate(
      TaskId task,
      @JsonSerialize(using = PackedDoubles.MatrixSerializer.class)
      @JsonDeserialize(using = PackedDoubles.MatrixDeserializer.class)
      double[][] unitPoints) implements Command {}

  private final Model model;
  private final ActorRef<SamplerMaster.Command> master;
  private final long maxResultBytes;
  private TaskId current;
  private String crash;

  private Worker(ActorContext<Command> context, Model model, ActorRef<SamplerMaster.Command> master, int credits,
      long maxResultBytes) {
    super(context);
    this.model = model;
    this.master = master;
    this.maxResultBytes = maxResultBytes;
    master.tell(new SamplerMaster.RequestWork(context.getSelf(), credits));
  }

  /**
   * A worker of {@code master} that evaluates {@code model} and holds up to {@code credits} tasks,
   * restarted on any failure.
   */
  public static Behavior<Command> create(Model model, ActorRef<SamplerMaster.Command> master, int credits) {
    return create(model, master, credits, 0);
  }

  /**
   * {@link #create(Model, ActorRef, int)} for a worker whose results travel over the network: a
   * result of more than {@code maxResultBytes} bytes of values is reported as a failure instead
   * of being sent (0: no limit).
   */
  public static Behavior<Command> create(Model model, ActorRef<SamplerMaster.Command> master, int credits,
      long maxResultBytes) {
    return Behaviors.supervise(
            Behaviors.<Command>setup(context -> new Worker(context, model, master, credits, maxResultBytes)))
        .onFailure(Throwable.class, SupervisorStrategy.restart());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Evaluate.class, this::onEvaluate)
        .onSignal(PreRestart.class, signal -> onPreRestart())
        .build();
  }

  private Behavior<Command> onEvaluate(Evaluate evaluate) {
    current = evaluate.task();
    TaskEvaluator.Outcome outcome;
    try {
      outcome = TaskEvaluator.evaluate(model, evaluate.unitPoints(), evaluate.task().from());
    } catch (Error e) {
      crash = TaskEvaluator.describe(e);
      throw e;
    }
    ActorRef<Command> self = getContext().getSelf();
    outcome = TaskEvaluator.limitSize(outcome, maxResultBytes);
    master.tell(outcome.ok()
        ? SamplerMaster.Evaluated.of(self, evaluate.task(), outcome.evaluation(), outcome.busyNanos())
        : new SamplerMaster.Failed(self, evaluate.task(), outcome.failedIndex(), outcome.error(),
            outcome.busyNanos()));
    current = null;
    return this;
  }

  private Behavior<Command> onPreRestart() {
    master.tell(new SamplerMaster.WorkerRestarting(getContext().getSelf(), current,
        crash == null ? "unknown failure" : crash));
    return this;
  }
}
