package io.squall.cluster;

import io.squall.sampler.Model;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code squall worker}: a worker node of a cluster run. It builds the model from its own settings
 * (a model it cannot build is an error before it joins), joins the cluster through the seed nodes
 * (waiting for the master if it is not up yet), registers with the master and evaluates tasks with
 * its worker actors until the run is over. A node that loses its master — downed by the
 * split-brain resolver once the master has been unreachable for {@code squall.cluster.down-after}
 * — starts a fresh actor system and joins again, waiting up to
 * {@code squall.cluster.rejoin-timeout} for a master (normally the same one restarted with
 * {@code squall master --resume}) to accept it. Exit codes: 0 after a finished run, 1 if the run
 * failed or the master was lost for good, 2 if the settings or the model are wrong or the master
 * refused it.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = SquallVersion.class,
    sortOptions = false,
    description = {"Run a worker node of a cluster: evaluate likelihoods for the master of 'squall master'.",
        "Address, port, seed nodes and workers come from squall.cluster.* (conf/squall.conf) or the environment:",
        "SQUALL_HOST, SQUALL_PORT, SQUALL_SEED_NODES, SQUALL_WORKERS, SQUALL_CLUSTER_NAME;",
        "the model from SQUALL_MODEL and SQUALL_PARAMS (the master's model, parameters and Squall version)."})
final class WorkerCommand implements Callable<Integer>, CliErrors.Verbose {
  private static final Duration TERMINATION_MARGIN = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

  @Spec private CommandSpec spec;

  @Mixin private ModelOptions options = new ModelOptions();

  @Option(names = {"-w", "--workers"}, paramLabel = "N",
      description = "Worker actors on this node (squall.cluster.workers; 0 = one per available core).")
  private Integer workers;

  @Override
  public boolean verbose() {
    return options.verbose;
  }

  /** Why a node's actor system ended before the run did: a signal, or downing after losing the master. */
  private static WorkerNode.Exit lostRun(ActorSystem<?> system) {
    boolean signal = CoordinatedShutdown.get(system).getShutdownReason()
        .map(reason -> reason.equals(CoordinatedShutdown.jvmExitReason())).orElse(false);
    return signal
        ? new WorkerNode.Exit(1, "this worker node left the cluster on SIGTERM; its tasks went back to the master's "
            + "queue")
        : new WorkerNode.Exit(1, "this worker node left the cluster before the run ended (the master is gone or was "
            + "cut off; see the log above)", true);
  }

  @Override
  public Integer call() {
    Map<String, Object> keys = new LinkedHashMap<>();
    if (workers != null) {
      keys.put(SettingKeys.CLUSTER_WORKERS, workers);
    }
    RunSettings settings = options.load(Optional.empty(), Optional.empty(), Execution.cluster(0), keys);
    if (settings.cluster().workers() == 0) {
      Optional<Integer> tuned = AppliedTuning.workersPerNode(settings,
          TuneSettings.load(Optional.ofNullable(options.configFile)), spec.commandLine().getOut());
      if (tuned.isPresent()) {
        keys.put(SettingKeys.CLUSTER_WORKERS, tuned.get());
        settings = options.load(Optional.empty(), Optional.empty(), Execution.cluster(0), keys);
      }
    }
    Model model = ModelResolver.resolve(settings.model());
    ClusterSettings cluster = settings.cluster();
    if (cluster.seedNodes().isEmpty()) {
      throw new ClusterException("a worker needs the master's address: set " + SettingKeys.CLUSTER_SEED_NODES
          + " (or SQUALL_SEED_NODES) to host:port of the master", 2, null);
    }
    Fingerprint fingerprint = Fingerprint.of(settings.model(), SquallVersion.get());
    WorkerNode.Exit result = runNode(cluster, model, fingerprint, null);
    while (result.masterLost()) {
      LOG.warn("the master was lost: this worker node starts afresh and rejoins {} (for up to {}, {})",
          String.join(", ", cluster.seedNodes()), cluster.rejoinTimeout(), SettingKeys.CLUSTER_REJOIN_TIMEOUT);
      result = runNode(cluster, model, fingerprint, cluster.rejoinTimeout());
    }
    if (result.code() != 0) {
      throw new ClusterException(result.message(), result.code(), null);
    }
    spec.commandLine().getOut().println("squall worker: " + result.message());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Runs one incarnation of the node — an actor system with a {@link WorkerNode} — until it ends.
   *
   * @param joinWithin null on first start; when rejoining, how long a master has to accept it
   */
  private static WorkerNode.Exit runNode(ClusterSettings cluster, Model model, Fingerprint fingerprint,
      Duration joinWithin) {
    int n = cluster.workersPerNode();
    CompletableFuture<WorkerNode.Exit> exit = new CompletableFuture<>();
    WorkerNode.Setup setup = new WorkerNode.Setup(model, n, fingerprint, exit, String.join(", ", cluster.seedNodes()),
        joinWithin);
    ActorSystem<WorkerNode.Command> system = ClusterNodes.start(WorkerNode.create(setup), cluster, ClusterRole.WORKER,
        NodeConfig.of(cluster, ClusterRole.WORKER, n));
    system.getWhenTerminated().whenComplete((done, error) -> exit.complete(lostRun(system)));
    WorkerNode.Exit result = ClusterNodes.await(exit);
    ClusterNodes.awaitTermination(system, cluster.leaveTimeout().plus(TERMINATION_MARGIN));
    return result;
  }
}
