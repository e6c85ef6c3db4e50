package io.squall.cluster;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;

/** Starting and stopping the actor system of a cluster node, with errors a user can act on. */
final class ClusterNodes {
  private ClusterNodes() {}

  /** Starts the node's actor system; a port in use or an unknown host ends in one clear line. */
  static <T> ActorSystem<T> start(Behavior<T> guardian, ClusterSettings cluster, ClusterRole role, Config config) {
    try {
      return ActorSystem.create(guardian, cluster.name(), config);
    } catch (RuntimeException e) {
      throw new ClusterException("cannot start the " + role.label() + " node on " + cluster.host() + ":"
          + cluster.port(role) + " (" + SettingKeys.CLUSTER_HOST + ", " + SettingKeys.CLUSTER_PORT + "): "
          + rootMessage(e), 1, e);
    }
  }

  /** Waits for {@code future}, rethrowing its failure unwrapped. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits at most {@code wait} for {@code system} to terminate; terminates it after that. */
  static void awaitTermination(ActorSystem<?> system, Duration wait) {
    try {
      system.getWhenTerminated().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      system.terminate();
    }
  }

  /** The message of the innermost cause. */
  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return ModelResolver.describe(root);
  }
}
