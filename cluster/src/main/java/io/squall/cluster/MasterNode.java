package io.squall.cluster;

import io.squall.actors.BatchSource;
import io.squall.actors.CborSerializable;
import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.actors.SamplerMaster;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The guardian of the master node: registers with the Receptionist under {@link #KEY}, checks the
 * {@link Fingerprint} of every worker node that registers, starts the {@link SamplerMaster} (the
 * same actor as in local mode) once {@code minWorkers} worker actors have registered, and hands
 * it to the worker nodes. It turns cluster events into the master's re-queueing: a worker node
 * that becomes unreachable or leaves gets its in-flight tasks re-queued at once
 * ({@link SamplerMaster.NodeUnreachable}), without waiting for it to be downed.
 *
 * <p>When the run is over ({@link Finish}) it tells every worker node ({@link WorkerNode.RunEnded}),
 * downs unreachable nodes, waits up to the leave timeout for the workers to leave, and then leaves
 * the cluster, which terminates the actor system.
 */
public final class MasterNode extends AbstractBehavior<MasterNode.Command> {
  /** The Receptionist key of the master: worker nodes look it up to register. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "squall-master");

  private static final Duration WAITING_LOG_INTERVAL = Duration.ofSeconds(10);
  private static final Duration LEAVE_CHECK_INTERVAL = Duration.ofMillis(200);

  /** What the master node understands. */
  public sealed interface Command {}

  /**
   * A worker node offers {@code workers} worker actors; it is accepted if its fingerprint matches.
   *
   * @param node the worker node's guardian, which gets {@link WorkerNode.Accepted} or
   *     {@link WorkerNode.Refused}
   * @param workers its number of worker actors
   * @param fingerprint its model, parameters and Squall version
   */
  public record Register(ActorRef<WorkerNode.Command> node, int workers, Fingerprint fingerprint)
      implements Command, CborSerializable {}

  /**
   * The run is over (its results are written, or it failed): the worker nodes are told, then the
   * master leaves the cluster.
   *
   * @param finished true if the run finished
   * @param message for the worker nodes' logs
   */
  public record Finish(boolean finished, String message) implements Command {}

  private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

  private record MembershipChanged(ClusterEvent.MemberEvent event) implements Command {}

  private record NodeStopped(ActorRef<WorkerNode.Command> node) implements Command {}

  private enum LogWaiting implements Command { INSTANCE }

  private enum CheckLeft implements Command { INSTANCE }

  /**
   * What the master node runs.
   *
   * @param source the sampler
   * @param options task settings; {@code workers} is used for the first batches' task sizes
   * @param fingerprint what every worker must evaluate
   * @param minWorkers worker actors needed before sampling starts
   * @param leaveTimeout how long to wait for worker nodes to leave after the run
   * @param outcome completed by the {@link SamplerMaster}
   */
  public record Setup(BatchSource source, LocalOptions options, Fingerprint fingerprint, int minWorkers,
      Duration leaveTimeout, CompletableFuture<RunResult> outcome) {}

  private final Setup setup;
  private final TimerScheduler<Command> timers;
  private final Cluster cluster;
  private final Map<ActorRef<WorkerNode.Command>, Integer> nodes = new LinkedHashMap<>();
  private final Set<String> unreachable = new HashSet<>();
  private int registeredWorkers;
  private ActorRef<SamplerMaster.Command> sampler;
  private Finish finish;
  private long leaveDeadlineNanos;

  private MasterNode(ActorContext<Command> context, TimerScheduler<Command> timers, Setup setup) {
    super(context);
    this.setup = setup;
    this.timers = timers;
    this.cluster = Cluster.get(context.getSystem());
    context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
    cluster.subscriptions().tell(Subscribe.create(
        context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
        ClusterEvent.ReachabilityEvent.class));
    cluster.subscriptions().tell(Subscribe.create(
        context.messageAdapter(ClusterEvent.MemberEvent.class, MembershipChanged::new),
        ClusterEvent.MemberEvent.class));
    timers.startTimerWithFixedDelay(LogWaiting.INSTANCE, WAITING_LOG_INTERVAL);
    context.getLog().info("master at {} ({}) waits for {} worker(s)", cluster.selfMember().address(),
        setup.fingerprint().description(), setup.minWorkers());
  }

  /** The guardian behavior of a master node. */
  public static Behavior<Command> create(Setup setup) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new MasterNode(context, timers, setup)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Register.class, this::onRegister)
        .onMessage(NodeStopped.class, this::onNodeStopped)
        .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
        .onMessage(MembershipChanged.class, this::onMembershipChanged)
        .onMessage(Finish.class, this::onFinish)
        .onMessage(LogWaiting.class, m -> onLogWaiting())
        .onMessage(CheckLeft.class, m -> onCheckLeft())
        .onSignal(Terminated.class, this::onSamplerStopped)
        .build();
  }

  private Behavior<Command> onRegister(Register register) {
    String node = address(register.node());
    if (!setup.fingerprint().matches(register.fingerprint())) {
      getContext().getLog().warn("refused worker node {}: it runs {}, but this master runs {}", node,
          register.fingerprint() == null ? "no fingerprint" : register.fingerprint().description(),
          setup.fingerprint().description());
      register.node().tell(new WorkerNode.Refused("the master at " + cluster.selfMember().address() + " runs "
          + setup.fingerprint().description() + ", but this worker runs "
          + (register.fingerprint() == null ? "nothing known" : register.fingerprint().description())
          + ": start the worker with the same model, parameters and Squall version"));
      return this;
    }
    if (finish != null) {
      register.node().tell(new WorkerNode.RunEnded(finish.finished(), finish.message()));
      return this;
    }
    if (!nodes.containsKey(register.node())) {
      nodes.put(register.node(), register.workers());
      getContext().watchWith(register.node(), new NodeStopped(register.node()));
      registeredWorkers += register.workers();
      getContext().getLog().info("worker node {} registered {} worker(s) ({} in all)", node, register.workers(),
          registeredWorkers);
    }
    if (sampler == null && registeredWorkers >= setup.minWorkers()) {
      startSampling();
    } else if (sampler != null) {
      register.node().tell(accepted());
    }
    return this;
  }

  private void startSampling() {
    timers.cancel(LogWaiting.INSTANCE);
    getContext().getLog().info("sampling starts with {} worker(s) on {} node(s)", registeredWorkers, nodes.size());
    sampler = getContext().spawn(SamplerMaster.create(setup.source(), setup.options(), setup.outcome()), "sampler",
        DispatcherSelector.fromConfig(LocalMode.MASTER_DISPATCHER));
    getContext().watch(sampler);
    unreachable.forEach(address -> sampler.tell(new SamplerMaster.NodeUnreachable(address)));
    for (ActorRef<WorkerNode.Command> node : nodes.keySet()) {
      node.tell(accepted());
    }
  }

  /** The acceptance of a worker node: the sampler to pull from, credits and the result size limit. */
  private WorkerNode.Accepted accepted() {
    return new WorkerNode.Accepted(sampler, setup.options().maxTasksPerWorker(), setup.options().maxTaskBytes());
  }

  private Behavior<Command> onNodeStopped(NodeStopped stopped) {
    Integer workers = nodes.remove(stopped.node());
    if (workers != null && sampler == null) {
      registeredWorkers -= workers;
    }
    if (workers != null && finish == null) {
      getContext().getLog().info("worker node {} is gone", address(stopped.node()));
    }
    return this;
  }

  private Behavior<Command> onReachabilityChanged(ReachabilityChanged changed) {
    Member member = changed.event().member();
    if (!member.hasRole(ClusterRole.WORKER.label())) {
      return this;
    }
    String address = member.address().toString();
    if (changed.event() instanceof ClusterEvent.UnreachableMember) {
      unreachable.add(address);
      tellSampler(new SamplerMaster.NodeUnreachable(address));
    } else if (changed.event() instanceof ClusterEvent.ReachableMember) {
      unreachable.remove(address);
      tellSampler(new SamplerMaster.NodeReachable(address));
    }
    return this;
  }

  private Behavior<Command> onMembershipChanged(MembershipChanged changed) {
    ClusterEvent.MemberEvent event = changed.event();
    Member member = event.member();
    if (!member.hasRole(ClusterRole.WORKER.label())) {
      return this;
    }
    String address = member.address().toString();
    if (event instanceof ClusterEvent.MemberLeft || event instanceof ClusterEvent.MemberExited) {
      if (unreachable.add(address) && finish == null) {
        getContext().getLog().info("worker node {} is leaving: its tasks go back to the queue", address);
        tellSampler(new SamplerMaster.NodeUnreachable(address));
      }
    } else if (event instanceof ClusterEvent.MemberUp || event instanceof ClusterEvent.MemberWeaklyUp) {
      // a new incarnation of a node at the same address
      if (unreachable.remove(address)) {
        tellSampler(new SamplerMaster.NodeReachable(address));
      }
    }
    return this;
  }

  private void tellSampler(SamplerMaster.Command command) {
    if (sampler != null && finish == null) {
      sampler.tell(command);
    }
  }

  private Behavior<Command> onSamplerStopped(Terminated terminated) {
    setup.outcome().completeExceptionally(new IllegalStateException("the master actor stopped before the run ended"));
    return this;
  }

  private Behavior<Command> onLogWaiting() {
    getContext().getLog().info("waiting for worker nodes: {} of {} worker(s) registered", registeredWorkers,
        setup.minWorkers());
    return this;
  }

  private Behavior<Command> onFinish(Finish finish) {
    if (this.finish != null) {
      return this;
    }
    this.finish = finish;
    timers.cancel(LogWaiting.INSTANCE);
    for (ActorRef<WorkerNode.Command> node : nodes.keySet()) {
      node.tell(new WorkerNode.RunEnded(finish.finished(), finish.message()));
    }
    for (Member member : cluster.state().getUnreachable()) {
      cluster.manager().tell(new Down(member.address()));
    }
    leaveDeadlineNanos = System.nanoTime() + setup.leaveTimeout().toNanos();
    timers.startTimerWithFixedDelay(CheckLeft.INSTANCE, LEAVE_CHECK_INTERVAL);
    return this;
  }

  private Behavior<Command> onCheckLeft() {
    boolean workersLeft = true;
    for (Member member : cluster.state().getMembers()) {
      if (member.hasRole(ClusterRole.WORKER.label()) && member.status() != MemberStatus.down()) {
        workersLeft = false;
      }
    }
    if (workersLeft || System.nanoTime() > leaveDeadlineNanos) {
      if (!workersLeft) {
        getContext().getLog().warn("worker nodes did not leave within {}; leaving anyway", setup.leaveTimeout());
      }
      timers.cancel(CheckLeft.INSTANCE);
      CoordinatedShutdown.get(getContext().getSystem()).runAll(CoordinatedShutdown.clusterLeavingReason());
    }
    return this;
  }

  private static String address(ActorRef<?> ref) {
    return ref.path().address().toString();
  }
}
