package io.squall.cluster;

/**
 * Where a run is executed.
 *
 * @param mode the execution mode
 * @param workers number of worker actors (0 in sequential mode)
 */
public record Execution(ExecutionMode mode, int workers) {
  public Execution {
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be >= 0, got " + workers);
    }
  }

  /** Worker actors in this JVM. */
  public static Execution local(int workers) {
    return new Execution(ExecutionMode.LOCAL, workers);
  }

  /** A master node whose run used {@code workers} worker actors on worker nodes. */
  public static Execution cluster(int workers) {
    return new Execution(ExecutionMode.CLUSTER, workers);
  }

  /** The calling thread, no workers. */
  public static Execution sequential() {
    return new Execution(ExecutionMode.SEQUENTIAL, 0);
  }
}
