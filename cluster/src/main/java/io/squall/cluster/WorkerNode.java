package io.squall.cluster;

import io.squall.actors.CborSerializable;
import io.squall.actors.LocalMode;
import io.squall.actors.SamplerMaster;
import io.squall.actors.Worker;
import io.squall.sampler.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardian of a worker node: finds the master through the Receptionist ({@link MasterNode#KEY}),
 * registers with its {@link Fingerprint}, and once accepted spawns its {@link Worker} actors (the
 * same actors as in local mode, on the blocking worker dispatcher), which pull tasks from the
 * master's {@link SamplerMaster}. Registration is repeated until the master answers. A refusal
 * (another model, parameters or Squall version) or the end of the run shuts the node down and
 * completes {@code exit}. A node started to rejoin after losing its master ({@link Setup#joinWithin})
 * gives up if no master accepts it in time.
 */
public final class WorkerNode extends AbstractBehavior<WorkerNode.Command> {
  private static final Duration REGISTRATION_RETRY = Duration.ofSeconds(3);
  private static final Duration NO_MASTER_WARNING = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(WorkerNode.class);

  /** What a worker node understands. */
  public sealed interface Command {}

  /**
   * The master accepted this node: its workers pull from {@code master}, holding up to
   * {@code credits} tasks each.
   *
   * @param master the master actor
   * @param credits tasks a worker may hold at once
   * @param maxResultBytes the most bytes of values a result may carry (the cluster's frame less
   *     headroom)
   */
  public record Accepted(ActorRef<SamplerMaster.Command> master, int credits, long maxResultBytes)
      implements Command, CborSerializable {}

  /**
   * The master refused this node.
   *
   * @param reason what differs
   */
  public record Refused(String reason) implements Command, CborSerializable {}

  /**
   * The run is over; the node leaves the cluster.
   *
   * @param finished true if the run finished (exit 0), false if it failed (exit 1)
   * @param message the master's words
   */
  public record RunEnded(boolean finished, String message) implements Command, CborSerializable {}

  private record MastersChanged(Receptionist.Listing listing) implements Command {}

  private enum RetryRegistration implements Command { INSTANCE }

  private enum CheckMasterFound implements Command { INSTANCE }

  private enum JoinTimedOut implements Command { INSTANCE }

  /**
   * How a worker node ended.
   *
   * @param code the process exit code: 0 after a finished run, 1 after a failed one or a lost
   *     master, 2 when refused
   * @param message why
   * @param masterLost true if the node's actor system ended before the run did, without a signal
   *     (downed after losing the master): the node may start afresh and rejoin
   */
  public record Exit(int code, String message, boolean masterLost) {
    /** An exit after which the node does not rejoin. */
    public Exit(int code, String message) {
      this(code, message, false);
    }
  }

  /**
   * What a worker node runs.
   *
   * @param model the model, built on this node from its own settings
   * @param workers worker actors to run
   * @param fingerprint the model's fingerprint, presented to the master
   * @param exit completed when the node is done
   * @param seedNodes where this node joins, for the message when no master shows up
   * @param joinWithin when rejoining after a lost master, how long a master has to accept this
   *     node before it gives up; null on first start (a worker may start long before the master)
   */
  public record Setup(Model model, int workers, Fingerprint fingerprint, CompletableFuture<Exit> exit,
      String seedNodes, Duration joinWithin) {}

  private final Setup setup;
  private final TimerScheduler<Command> timers;
  private final List<ActorRef<Worker.Command>> workers = new ArrayList<>();
  private ActorRef<MasterNode.Command> master;
  private boolean accepted;
  private int generation;

  private WorkerNode(ActorContext<Command> context, TimerScheduler<Command> timers, Setup setup) {
    super(context);
    this.setup = setup;
    this.timers = timers;
    context.getSystem().receptionist().tell(Receptionist.subscribe(MasterNode.KEY,
        context.messageAdapter(Receptionist.Listing.class, MastersChanged::new)));
    context.getLog().info("worker node at {} with {} worker(s) ({}) looks for the master{}",
        context.getSystem().address(), setup.workers(), setup.fingerprint().description(),
        setup.joinWithin() == null ? "" : " again, for up to " + setup.joinWithin() + " (rejoin)");
    timers.startTimerWithFixedDelay(CheckMasterFound.INSTANCE, NO_MASTER_WARNING);
    if (setup.joinWithin() != null) {
      timers.startSingleTimer(JoinTimedOut.INSTANCE, setup.joinWithin());
    }
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(context.getSystem());
    shutdown.addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "squall-worker-signal", () -> {
      if (shutdown.getShutdownReason().map(CoordinatedShutdown.jvmExitReason()::equals).orElse(false)) {
        LOG.info("stopped by a signal (SIGTERM): this worker node leaves the cluster gracefully");
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    });
  }

  /** The guardian behavior of a worker node. */
  public static Behavior<Command> create(Setup setup) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new WorkerNode(context, timers, setup)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(MastersChanged.class, this::onMastersChanged)
        .onMessage(RetryRegistration.class, m -> onRetry())
        .onMessage(CheckMasterFound.class, m -> onCheckMasterFound())
        .onMessage(JoinTimedOut.class, m -> onJoinTimedOut())
        .onMessage(Accepted.class, this::onAccepted)
        .onMessage(Refused.class, this::onRefused)
        .onMessage(RunEnded.class, this::onRunEnded)
        .build();
  }

  private Behavior<Command> onMastersChanged(MastersChanged changed) {
    Set<ActorRef<MasterNode.Command>> masters = changed.listing().getServiceInstances(MasterNode.KEY);
    if (masters.isEmpty()) {
      if (master != null) {
        getContext().getLog().warn("the master at {} is unreachable or gone", master.path().address());
      }
      return this;
    }
    ActorRef<MasterNode.Command> chosen = masters.stream()
        .min(Comparator.comparing((ActorRef<MasterNode.Command> r) -> r.path().toString())).orElseThrow();
    if (masters.size() > 1) {
      getContext().getLog().warn("{} masters in the cluster; this node registers with {}", masters.size(), chosen);
    }
    if (!chosen.equals(master)) {
      stopWorkers();
      master = chosen;
      accepted = false;
      register();
      timers.startTimerWithFixedDelay(RetryRegistration.INSTANCE, REGISTRATION_RETRY);
    }
    return this;
  }

  private Behavior<Command> onCheckMasterFound() {
    if (master == null) {
      getContext().getLog().warn("no master found yet; still trying to join {} as {}. Is the master up there, with "
          + "the same cluster name ({}) and TLS settings?", setup.seedNodes(), getContext().getSystem().address(),
          getContext().getSystem().name());
    } else {
      timers.cancel(CheckMasterFound.INSTANCE);
    }
    return this;
  }

  private Behavior<Command> onJoinTimedOut() {
    if (accepted) {
      return this;
    }
    getContext().getLog().error("no master accepted this worker node within {} of losing the previous one ({}); "
        + "giving up", setup.joinWithin(), SettingKeys.CLUSTER_REJOIN_TIMEOUT);
    return end(new Exit(1, "the master was lost and no master accepted this worker node within " + setup.joinWithin()
        + " (" + SettingKeys.CLUSTER_REJOIN_TIMEOUT + "); restart the master with --resume FILE to continue the run"));
  }

  private Behavior<Command> onRetry() {
    if (!accepted && master != null) {
      register();
    }
    return this;
  }

  private void register() {
    getContext().getLog().info("registering {} worker(s) with the master at {}", setup.workers(),
        master.path().address());
    master.tell(new MasterNode.Register(getContext().getSelf(), setup.workers(), setup.fingerprint()));
  }

  private Behavior<Command> onAccepted(Accepted accepted) {
    if (this.accepted) {
      return this;
    }
    this.accepted = true;
    timers.cancel(RetryRegistration.INSTANCE);
    timers.cancel(JoinTimedOut.INSTANCE);
    generation++;
    for (int i = 0; i < setup.workers(); i++) {
      workers.add(getContext().spawn(Worker.create(setup.model(), accepted.master(), accepted.credits(),
          accepted.maxResultBytes()),
          "worker-" + generation + "-" + i, DispatcherSelector.fromConfig(LocalMode.WORKER_DISPATCHER)));
    }
    getContext().getLog().info("accepted by the master at {}: {} worker(s) pull tasks ({} credit(s) each)",
        accepted.master().path().address(), setup.workers(), accepted.credits());
    return this;
  }

  private Behavior<Command> onRefused(Refused refused) {
    getContext().getLog().error("refused by the master: {}", refused.reason());
    return end(new Exit(2, "refused by the master: " + refused.reason()));
  }

  private Behavior<Command> onRunEnded(RunEnded ended) {
    getContext().getLog().info("the run is over ({}); leaving the cluster", ended.message());
    return end(new Exit(ended.finished() ? 0 : 1, ended.message()));
  }

  private Behavior<Command> end(Exit exit) {
    timers.cancelAll();
    setup.exit().complete(exit);
    CoordinatedShutdown.get(getContext().getSystem()).runAll(CoordinatedShutdown.clusterLeavingReason());
    return this;
  }

  private void stopWorkers() {
    workers.forEach(getContext()::stop);
    workers.clear();
  }
}
