package io.squall.actors;

import com.typesafe.config.Config;
import io.squall.sampler.SettingsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How local mode (and {@link ExecutorMode}) parallelises a run: the number of workers, how a batch
 * is cut into tasks ({@link TaskSizer}), how many tasks a worker may hold, retries and the stall
 * timeout. Frozen and validated; the HOCON keys are in the actors module's {@code reference.conf}
 * under {@code squall.local} and {@code squall.tasks} ({@link #fromConfig}).
 *
 * @param workers number of worker actors (local mode) or a hint of the pool's parallelism
 *     ({@link ExecutorMode}; 0 there means "ask the executor")
 * @param maxTasksPerWorker credits: the most tasks a worker holds at once, the one it evaluates
 *     included (2 = the next task is already there when one ends)
 * @param pointsPerTask fixed points per task; 0 = chosen from the measured likelihood time
 * @param targetTaskTime the likelihood time a task aims at when points are cheap
 * @param minTaskTime tasks are not made cheaper than this (their messages would cost more than
 *     they balance)
 * @param minTasksPerWorker tasks per worker per batch that guided sizing aims at, at least
 * @param maxRetries how often a task whose likelihood threw is retried before the run stops
 * @param stallTimeout the run stops with an error naming the stuck tasks when no task completes
 *     for this long
 * @param maxTaskBytes the most bytes of points one task may carry (8 per coordinate), so that a
 *     task sent to another node fits in one network frame; 0 = no limit (local mode never
 *     serializes)
 */
public record LocalOptions(
    int workers,
    int maxTasksPerWorker,
    int pointsPerTask,
    Duration targetTaskTime,
    Duration minTaskTime,
    int minTasksPerWorker,
    int maxRetries,
    Duration stallTimeout,
    long maxTaskBytes) {

  public static final int DEFAULT_MAX_TASKS_PER_WORKER = 2;
  public static final Duration DEFAULT_TARGET_TASK_TIME = Duration.ofMillis(200);
  public static final Duration DEFAULT_MIN_TASK_TIME = Duration.ofMillis(1);
  public static final int DEFAULT_MIN_TASKS_PER_WORKER = 4;
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(10);

  /** Validates; throws {@link SettingsException} listing every problem at once. */
  public LocalOptions {
    List<String> problems = new ArrayList<>();
    atLeast("workers", workers, 0, problems);
    atLeast("maxTasksPerWorker", maxTasksPerWorker, 1, problems);
    atLeast("pointsPerTask", pointsPerTask, 0, problems);
    atLeast("minTasksPerWorker", minTasksPerWorker, 1, problems);
    atLeast("maxRetries", maxRetries, 0, problems);
    positive("targetTaskTime", targetTaskTime, problems);
    positive("minTaskTime", minTaskTime, problems);
    positive("stallTimeout", stallTimeout, problems);
    if (maxTaskBytes != 0 && maxTaskBytes < TaskSizer.MESSAGE_OVERHEAD_BYTES + Double.BYTES) {
      problems.add("maxTaskBytes must be 0 (no limit) or at least " + (TaskSizer.MESSAGE_OVERHEAD_BYTES + Double.BYTES)
          + ", got " + maxTaskBytes);
    }
    SettingsException.throwIfAny(problems);
  }

  private static void atLeast(String name, int value, int min, List<String> problems) {
    if (value < min) {
      problems.add(name + " must be at least " + min + ", got " + value);
    }
  }

  private static void positive(String name, Duration value, List<String> problems) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(name + " must be a positive duration, got " + value);
    }
  }

  /** The defaults with one worker per available core. */
  public static LocalOptions defaults() {
    return builder().build();
  }

  /** The defaults with {@code workers} workers. */
  public static LocalOptions withWorkers(int workers) {
    return builder().workers(workers).build();
  }

  /**
   * Reads {@code squall.local.workers} (0 = one per core) and {@code squall.tasks.*} from
   * {@code config} (which should have the actors module's {@code reference.conf} as fallback, as
   * {@code ConfigFactory.load()} does).
   */
  public static LocalOptions fromConfig(Config config) {
    Config tasks = config.getConfig("squall.tasks");
    int workers = config.getInt("squall.local.workers");
    return builder()
        .workers(workers == 0 ? Runtime.getRuntime().availableProcessors() : workers)
        .maxTasksPerWorker(tasks.getInt("max-tasks-per-worker"))
        .pointsPerTask(tasks.getInt("points-per-task"))
        .targetTaskTime(tasks.getDuration("target-task-time"))
        .minTaskTime(tasks.getDuration("min-task-time"))
        .minTasksPerWorker(tasks.getInt("min-tasks-per-worker"))
        .maxRetries(tasks.getInt("max-retries"))
        .stallTimeout(tasks.getDuration("stall-timeout"))
        .maxTaskBytes(tasks.getBytes("max-task-bytes"))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .workers(workers)
        .maxTasksPerWorker(maxTasksPerWorker)
        .pointsPerTask(pointsPerTask)
        .targetTaskTime(targetTaskTime)
        .minTaskTime(minTaskTime)
        .minTasksPerWorker(minTasksPerWorker)
        .maxRetries(maxRetries)
        .stallTimeout(stallTimeout)
        .maxTaskBytes(maxTaskBytes);
  }

  /** Fluent builder; {@link #build()} validates. */
  public static final class Builder {
    private int workers = Runtime.getRuntime().availableProcessors();
    private int maxTasksPerWorker = DEFAULT_MAX_TASKS_PER_WORKER;
    private int pointsPerTask;
    private Duration targetTaskTime = DEFAULT_TARGET_TASK_TIME;
    private Duration minTaskTime = DEFAULT_MIN_TASK_TIME;
    private int minTasksPerWorker = DEFAULT_MIN_TASKS_PER_WORKER;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
    private long maxTaskBytes;

    private Builder() {}

    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    public Builder maxTasksPerWorker(int value) {
      this.maxTasksPerWorker = value;
      return this;
    }

    public Builder pointsPerTask(int value) {
      this.pointsPerTask = value;
      return this;
    }

    public Builder targetTaskTime(Duration value) {
      this.targetTaskTime = value;
      return this;
    }

    public Builder minTaskTime(Duration value) {
      this.minTaskTime = value;
      return this;
    }

    public Builder minTasksPerWorker(int value) {
      this.minTasksPerWorker = value;
      return this;
    }

    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    public Builder stallTimeout(Duration value) {
      this.stallTimeout = value;
      return this;
    }

    public Builder maxTaskBytes(long value) {
      this.maxTaskBytes = value;
      return this;
    }

    public LocalOptions build() {
      return new LocalOptions(workers, maxTasksPerWorker, pointsPerTask, targetTaskTime, minTaskTime,
          minTasksPerWorker, maxRetries, stallTimeout, maxTaskBytes);
    }
  }
}
