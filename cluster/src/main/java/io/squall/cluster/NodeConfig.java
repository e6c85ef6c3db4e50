package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.squall.actors.LocalMode;
import java.util.List;

/**
 * The Pekko configuration of a cluster node, from {@link ClusterSettings}: Artery TCP (or TLS) on
 * the configured address, the seed nodes, the node's role, and the split-brain resolver with
 * strategy keep-oldest among the {@code master} role, so that the side of a partition holding the
 * master survives and cut-off workers shut themselves down. Java serialization stays off; every
 * message crossing nodes is bound to Jackson CBOR by {@code io.squall.actors.CborSerializable}.
 */
final class NodeConfig {
  /** Bytes of a frame kept free of task points (ids, actor paths, headers). */
  static final long FRAME_HEADROOM = 8 * 1024;

  private NodeConfig() {}

  /** The configuration of a node in {@code role} running {@code workers} worker actors (0 on the master). */
  static Config of(ClusterSettings cluster, ClusterRole role, int workers) {
    Config node = ConfigFactory.empty()
        .withValue("pekko.actor.provider", value("cluster"))
        .withValue("pekko.actor.allow-java-serialization", value(false))
        .withValue("pekko.remote.artery.transport", value(cluster.tls().enabled() ? "tls-tcp" : "tcp"))
        .withValue("pekko.remote.artery.canonical.hostname", value(cluster.host()))
        .withValue("pekko.remote.artery.canonical.port", value(cluster.port(role)))
        .withValue("pekko.remote.artery.advanced.maximum-frame-size", value(cluster.maxFrameSize()))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(cluster.seedNodes()))
        .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(role.label())))
        .withValue("pekko.cluster.failure-detector.acceptable-heartbeat-pause",
            value(cluster.unreachableAfter().toMillis() + "ms"))
        .withValue("pekko.cluster.split-brain-resolver.stable-after", value(cluster.downAfter().toMillis() + "ms"));
    if (!cluster.bindHost().isEmpty()) {
      node = node.withValue("pekko.remote.artery.bind.hostname", value(cluster.bindHost()));
    }
    if (cluster.tls().enabled()) {
      node = tls(node, cluster.tls());
    }
    if (workers > 0) {
      node = node
          .withValue(LocalMode.WORKER_DISPATCHER + ".thread-pool-executor.fixed-pool-size", value(workers))
          .withValue(LocalMode.WORKER_DISPATCHER + ".affinity-pool-executor.parallelism-min", value(workers))
          .withValue(LocalMode.WORKER_DISPATCHER + ".affinity-pool-executor.parallelism-max", value(workers));
    }
    return node.withFallback(ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), "squall-node.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  /** The most bytes of points a task may carry: the frame less headroom, or less if the user says so. */
  static long maxTaskBytes(ClusterSettings cluster, long userMaxTaskBytes) {
    long byFrame = cluster.maxFrameSize() - FRAME_HEADROOM;
    return userMaxTaskBytes > 0 ? Math.min(userMaxTaskBytes, byFrame) : byFrame;
  }

  private static Config tls(Config node, ClusterSettings.Tls tls) {
    String ssl = "pekko.remote.artery.ssl.config-ssl-engine.";
    return node
        .withValue(ssl + "key-store", value(tls.keyStore()))
        .withValue(ssl + "key-store-password", value(tls.keyStorePassword()))
        .withValue(ssl + "key-password", value(tls.keyPassword().isEmpty() ? tls.keyStorePassword() : tls.keyPassword()))
        .withValue(ssl + "trust-store", value(tls.trustStore()))
        .withValue(ssl + "trust-store-password", value(tls.trustStorePassword()));
  }

  private static com.typesafe.config.ConfigValue value(Object value) {
    return ConfigValueFactory.fromAnyRef(value);
  }
}
