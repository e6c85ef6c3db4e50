package io.squall.cluster;

import java.util.Locale;

/** How the likelihood batches are evaluated (see the architecture note's table of modes). */
public enum ExecutionMode {
  /** The sampler loop in the calling thread ({@code SequentialDriver}): the reference oracle. */
  SEQUENTIAL,
  /** One ActorSystem: a master actor and pulling worker actors ({@code io.squall.actors.LocalMode}). */
  LOCAL,
  /** A master node and worker nodes on Pekko Cluster ({@code squall master}, {@code squall worker}). */
  CLUSTER;

  /** The name used in settings and in summary.json, e.g. {@code sequential}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
