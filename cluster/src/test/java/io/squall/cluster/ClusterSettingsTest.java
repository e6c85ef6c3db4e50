package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.squall.sampler.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** squall.cluster.* as read and checked, and the Pekko configuration of a node built from it. */
class ClusterSettingsTest {
  @TempDir Path dir;

  private ClusterSettings load(String... lines) {
    Path file = TestFiles.write(dir, "c.conf", String.join("\n", lines) + "\n");
    return SettingsLoader.load(Optional.of(file), CliOverrides.none()).cluster();
  }

  @Test
  void theDefaultsKeepTheClusterOnLoopback() {
    ClusterSettings cluster = SettingsLoader.load(Optional.empty(), CliOverrides.none()).cluster();
    assertEquals("squall", cluster.name());
    assertEquals("127.0.0.1", cluster.host());
    assertEquals(ClusterSettings.AUTO_PORT, cluster.port());
    assertEquals(25520, cluster.port(ClusterRole.MASTER));
    assertEquals(0, cluster.port(ClusterRole.WORKER), "workers take any free port");
    assertEquals(List.of("pekko://squall@127.0.0.1:25520"), cluster.seedNodes());
    assertEquals(1, cluster.minWorkers());
    assertEquals(256 * 1024, cluster.maxFrameSize());
    assertEquals(Duration.ofSeconds(3), cluster.unreachableAfter());
    assertEquals(Runtime.getRuntime().availableProcessors(), cluster.workersPerNode());
  }

  @Test
  void seedNodesAcceptHostPortAndPekkoAddresses() {
    List<String> problems = new ArrayList<>();
    assertEquals(List.of("pekko://c@node-a:25520", "pekko://c@10.0.0.2:2552", "pekko://c@[::1]:7"),
        ClusterSettings.seedNodes("node-a:25520, pekko://c@10.0.0.2:2552 [::1]:7", "c", problems));
    assertEquals(List.of(), problems);
    ClusterSettings.seedNodes("node-a, pekko://other@h:1, h:99999", "c", problems);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(1).contains("belongs to cluster 'other', not 'c'"), problems.get(1));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> load(
        "squall.cluster { name = \"bad name\", port = 70000, min-workers = 0, max-frame-size = 1 KiB,",
        "  unreachable-after = soon, tls.enabled = on }"));
    String all = String.join("\n", e.problems());
    for (String key : List.of("squall.cluster.name", "squall.cluster.port", "squall.cluster.min-workers",
        "squall.cluster.max-frame-size", "squall.cluster.unreachable-after", "squall.cluster.tls.enabled")) {
      assertTrue(all.contains(key), key + " missing from:\n" + all);
    }
  }

  @Test
  void aFileSetsEveryKey() {
    ClusterSettings cluster = load("squall.cluster { name = lab, host = node-a, port = 3000, workers = 3,",
        "  seed-nodes = \"node-a:3000\", min-workers = 6, max-frame-size = 1 MiB, down-after = 5s }");
    assertEquals(List.of("pekko://lab@node-a:3000"), cluster.seedNodes());
    assertEquals(3000, cluster.port(ClusterRole.WORKER));
    assertEquals(3, cluster.workersPerNode());
    assertEquals(6, cluster.minWorkers());
    assertEquals(Duration.ofSeconds(5), cluster.downAfter());
  }

  @Test
  void aNodeConfigurationHasTheRoleAddressFrameAndTheSplitBrainResolver() {
    ClusterSettings cluster = load("squall.cluster { port = 4000, max-frame-size = 512 KiB }");
    Config master = NodeConfig.of(cluster, ClusterRole.MASTER, 0);
    assertEquals("cluster", master.getString("pekko.actor.provider"));
    assertEquals("tcp", master.getString("pekko.remote.artery.transport"));
    assertEquals("127.0.0.1", master.getString("pekko.remote.artery.canonical.hostname"));
    assertEquals(4000, master.getInt("pekko.remote.artery.canonical.port"));
    assertEquals(512 * 1024, master.getBytes("pekko.remote.artery.advanced.maximum-frame-size"));
    assertEquals(List.of("master"), master.getStringList("pekko.cluster.roles"));
    assertEquals("keep-oldest", master.getString("pekko.cluster.split-brain-resolver.active-strategy"));
    assertEquals("master", master.getString("pekko.cluster.split-brain-resolver.keep-oldest.role"));
    assertTrue(!master.getBoolean("pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone"));
    assertTrue(master.getString("pekko.cluster.downing-provider-class").endsWith("SplitBrainResolverProvider"));
    assertTrue(!master.getBoolean("pekko.actor.allow-java-serialization"));
    assertEquals("jackson-cbor", master.getString("pekko.actor.serialization-bindings.\"io.squall.actors.CborSerializable\""));
    Config worker = NodeConfig.of(cluster, ClusterRole.WORKER, 3);
    assertEquals(List.of("worker"), worker.getStringList("pekko.cluster.roles"));
    assertEquals(3, worker.getInt("squall.worker-dispatcher.affinity-pool-executor.parallelism-max"));
  }

  @Test
  void clusterTaskSettingsLayerOverTheLocalOnes() {
    ClusterSettings defaults = SettingsLoader.load(Optional.empty(), CliOverrides.none()).cluster();
    assertEquals(3, defaults.tasks().maxTasksPerWorker());
    assertEquals(Duration.ofMillis(5), defaults.tasks().minTaskTime());
    assertEquals(Duration.ofMillis(200), defaults.tasks().targetTaskTime(), "from squall.tasks");
    ClusterSettings cluster = load("squall.tasks { points-per-task = 7, max-tasks-per-worker = 1 }",
        "squall.cluster.tasks.max-tasks-per-worker = 4");
    assertEquals(7, cluster.tasks().pointsPerTask());
    assertEquals(4, cluster.tasks().maxTasksPerWorker());
  }

  @Test
  void tasksFitInAFrame() {
    ClusterSettings cluster = load("squall.cluster.max-frame-size = 64 KiB");
    assertEquals(56 * 1024, NodeConfig.maxTaskBytes(cluster, 0));
    assertEquals(10_000, NodeConfig.maxTaskBytes(cluster, 10_000), "a smaller user limit stays");
    assertEquals(56 * 1024, NodeConfig.maxTaskBytes(cluster, 1 << 20), "never more than the frame");
  }

  @Test
  void tlsNeedsBothStores() {
    ClusterSettings cluster = load("squall.cluster.tls { enabled = on, key-store = k.p12, trust-store = t.p12,",
        "  key-store-password = pw, trust-store-password = pw }");
    Config node = NodeConfig.of(cluster, ClusterRole.WORKER, 1);
    assertEquals("tls-tcp", node.getString("pekko.remote.artery.transport"));
    assertEquals("k.p12", node.getString("pekko.remote.artery.ssl.config-ssl-engine.key-store"));
    assertEquals("pw", node.getString("pekko.remote.artery.ssl.config-ssl-engine.key-password"),
        "the key password defaults to the store's");
  }
}
