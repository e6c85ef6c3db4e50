package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker node rejoining after losing its master gives up when no master accepts it within the
 * rejoin timeout (in this JVM, seed node on a port where nothing listens); the restart itself is
 * tested with real JVMs in {@link MasterResumeTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerRejoinTest {
  @TempDir Path dir;

  @Test
  void aRejoiningWorkerGivesUpAfterTheRejoinTimeout() throws Exception {
    Path config = TestFiles.write(dir, "worker.conf", "squall.cluster { host = \"127.0.0.1\", port = 0, "
        + "seed-nodes = \"127.0.0.1:" + NodeProcesses.freePort() + "\", rejoin-timeout = 1s }\n"
        + "squall.model { name = gaussian, params { dim = 2 } }\n");
    RunSettings settings = SettingsLoader.load(Optional.of(config), CliOverrides.none());
    assertEquals(Duration.ofSeconds(1), settings.cluster().rejoinTimeout());
    ClusterSettings cluster = settings.cluster();
    CompletableFuture<WorkerNode.Exit> exit = new CompletableFuture<>();
    WorkerNode.Setup setup = new WorkerNode.Setup(ModelResolver.resolve(settings.model()), 1,
        Fingerprint.of(settings.model(), SquallVersion.get()), exit, "127.0.0.1", cluster.rejoinTimeout());
    ActorSystem<WorkerNode.Command> system = ClusterNodes.start(WorkerNode.create(setup), cluster, ClusterRole.WORKER,
        NodeConfig.of(cluster, ClusterRole.WORKER, 1));
    try {
      WorkerNode.Exit result = exit.get(30, TimeUnit.SECONDS);
      assertEquals(1, result.code());
      assertFalse(result.masterLost(), "giving up is final");
      assertTrue(result.message().contains("no master accepted this worker node within PT1S "
          + "(squall.cluster.rejoin-timeout)"), result.message());
    } finally {
      system.terminate();
      ClusterNodes.awaitTermination(system, Duration.ofSeconds(20));
    }
  }
}
