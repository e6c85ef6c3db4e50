package io.squall.cluster;

import io.squall.actors.LocalOptions;
import io.squall.actors.MapSource;
import io.squall.actors.RunResult;
import io.squall.sampler.MapTask;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The distributed map on a cluster: this JVM becomes the master node, hands the input rows to the
 * worker nodes that join (each started with {@code squall worker --model task:NAME}, the same task
 * and parameters, checked by the fingerprint) and returns the outputs in input order. Worker nodes
 * that join late, leave or die are handled as in a sampling run; the nodes shut down at the end.
 */
final class ClusterMap {
  private static final Duration TERMINATION_MARGIN = Duration.ofSeconds(20);

  private ClusterMap() {}

  /** The outputs of {@code task} over {@code inputs}; {@code settings} give the cluster and model name. */
  static double[][] run(MapTask task, double[][] inputs, RunSettings settings) {
    MapSource source = MapSource.of(task, inputs);
    ClusterSettings cluster = settings.cluster();
    LocalOptions options = cluster.tasks().toBuilder()
        .workers(cluster.minWorkers())
        .maxTaskBytes(NodeConfig.maxTaskBytes(cluster, cluster.tasks().maxTaskBytes()))
        .build();
    CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    MasterNode.Setup setup = new MasterNode.Setup(source, options, Fingerprint.of(settings.model(),
        SquallVersion.get()), cluster.minWorkers(), cluster.leaveTimeout(), outcome);
    ActorSystem<MasterNode.Command> system = ClusterNodes.start(MasterNode.create(setup), cluster,
        ClusterRole.MASTER, NodeConfig.of(cluster, ClusterRole.MASTER, 0));
    system.getWhenTerminated().whenComplete((done, error) -> outcome.completeExceptionally(
        new ClusterException("the master node left the cluster before the map ended", 1, error)));
    Duration termination = cluster.leaveTimeout().plus(TERMINATION_MARGIN);
    try {
      ClusterNodes.await(outcome);
    } catch (RuntimeException e) {
      system.tell(new MasterNode.Finish(false, "the map failed on the master: " + ModelResolver.describe(e)));
      ClusterNodes.awaitTermination(system, termination);
      throw e;
    }
    system.tell(new MasterNode.Finish(true, "the map finished"));
    ClusterNodes.awaitTermination(system, termination);
    return source.outputs().orElseThrow();
  }
}
