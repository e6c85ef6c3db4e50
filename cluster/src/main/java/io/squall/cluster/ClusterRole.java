package io.squall.cluster;

import java.util.Locale;

/** The role of a node of a Squall cluster (the Pekko Cluster role of the same name). */
public enum ClusterRole {
  /** Owns the population and hands out tasks: exactly one per run. */
  MASTER,
  /** Runs worker actors that pull tasks from the master: any number. */
  WORKER;

  /** The role's name in Pekko Cluster and in logs: {@code master} or {@code worker}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
