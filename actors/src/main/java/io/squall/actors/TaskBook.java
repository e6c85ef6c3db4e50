package io.squall.actors;

import io.squall.sampler.Evaluation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work queue of the current batch: every task is <em>pending</em>, <em>in flight</em> at one
 * worker, or <em>done</em>; the values received so far are kept by point index. Tasks are handed
 * out in index order; the tasks of a worker that failed, restarted or disappeared go back to the
 * front of the queue. A result for another batch, an unknown slice or a task already done is
 * ignored (at-least-once delivery, idempotent apply).
 *
 * <p>A plain class with no threads and no actors: the master (and {@link ExecutorMode}) only
 * translate their events into calls on it. Not thread-safe.
 *
 * @param <W> how the caller names a worker (an actor reference, a thread name, …)
 */
public final class TaskBook<W> {
  /** The slice {@code [from, from + size)} of the current batch. */
  public record Task(TaskId id, int size) {
    /** Index of the first point. */
    public int from() {
      return id.from();
    }

    /** Index after the last point. */
    public int end() {
      return id.from() + size;
    }
  }

  /** A task in flight, for progress reports. */
  public record InFlight<W>(Task task, W worker, long sentAtNanos) {}

  private enum State { PENDING, IN_FLIGHT, DONE }

  private long batchId = Long.MIN_VALUE;
  private Task[] tasks = new Task[0];
  private int[] starts = new int[0];
  private State[] states = new State[0];
  private Object[] owners = new Object[0];
  private long[] sentAt = new long[0];
  private int[] failures = new int[0];
  private double[] values = new double[0];
  private double[][] derived = new double[0][];
  private final ArrayDeque<Task> pending = new ArrayDeque<>();
  private final Map<W, int[]> inFlightCounts = new HashMap<>();
  private int doneTasks;

  /**
   * Starts batch {@code batchId}, cut into consecutive tasks of the given sizes (their sum is the
   * batch size). Anything left of the previous batch is forgotten; its late results are ignored.
   */
  public void start(long batchId, int[] sizes) {
    int n = sizes.length;
    this.batchId = batchId;
    tasks = new Task[n];
    starts = new int[n];
    states = new State[n];
    owners = new Object[n];
    sentAt = new long[n];
    failures = new int[n];
    pending.clear();
    inFlightCounts.clear();
    doneTasks = 0;
    int from = 0;
    for (int k = 0; k < n; k++) {
      if (sizes[k] <= 0) {
        throw new IllegalArgumentException("task sizes must be positive: " + Arrays.toString(sizes));
      }
      starts[k] = from;
      tasks[k] = new Task(new TaskId(batchId, from), sizes[k]);
      states[k] = State.PENDING;
      pending.addLast(tasks[k]);
      from += sizes[k];
    }
    values = new double[from];
    derived = new double[from][];
  }

  /** The current batch id ({@code Long.MIN_VALUE} before the first). */
  public long batchId() {
    return batchId;
  }

  /** Number of points of the current batch. */
  public int batchSize() {
    return values.length;
  }

  /** Number of tasks of the current batch. */
  public int taskCount() {
    return tasks.length;
  }

  /**
   * The next pending task, now in flight at {@code worker} (sent at {@code nowNanos}), or null if
   * none is pending.
   */
  public Task next(W worker, long nowNanos) {
    Task task = pending.pollFirst();
    if (task == null) {
      return null;
    }
    int k = indexOf(task.id());
    states[k] = State.IN_FLIGHT;
    owners[k] = worker;
    sentAt[k] = nowNanos;
    inFlightCounts.computeIfAbsent(worker, w -> new int[1])[0]++;
    return task;
  }

  /** {@link #complete(TaskId, Evaluation)} for a model without derived values. */
  public boolean complete(TaskId id, double[] taskValues) {
    return complete(id, Evaluation.of(taskValues));
  }

  /**
   * Stores the log-likelihoods and derived values of task {@code id} by point index.
   *
   * @return true if the task was newly done; false for a duplicate, a stale batch or an unknown
   *     slice (then nothing changes)
   * @throws IllegalArgumentException if the number of values differs from the task size
   */
  public boolean complete(TaskId id, Evaluation taskValues) {
    int k = indexOf(id);
    if (k < 0 || states[k] == State.DONE) {
      return false;
    }
    if (taskValues.size() != tasks[k].size()) {
      throw new IllegalArgumentException("task " + id + " has " + tasks[k].size() + " points but "
          + taskValues.size() + " values came back");
    }
    System.arraycopy(taskValues.logLikelihoods(), 0, values, tasks[k].from(), taskValues.size());
    System.arraycopy(taskValues.derived(), 0, derived, tasks[k].from(), taskValues.size());
    if (states[k] == State.IN_FLIGHT) {
      releaseOwner(k);
    } else {
      pending.remove(tasks[k]);
    }
    states[k] = State.DONE;
    doneTasks++;
    return true;
  }

  /**
   * Records that {@code worker} failed task {@code id}. If the task was in flight at that worker
   * it goes back to the front of the queue; if it is in flight elsewhere it stays there.
   *
   * @return the number of failures of the task so far, or 0 if the report is ignored (stale
   *     batch, unknown slice, task already done)
   */
  public int fail(TaskId id, W worker) {
    int k = indexOf(id);
    if (k < 0 || states[k] == State.DONE) {
      return 0;
    }
    failures[k]++;
    if (states[k] == State.IN_FLIGHT && worker.equals(owners[k])) {
      releaseOwner(k);
      states[k] = State.PENDING;
      pending.addFirst(tasks[k]);
    }
    return failures[k];
  }

  /** Puts every task in flight at {@code worker} back at the front of the queue, in index order. */
  public List<Task> requeue(W worker) {
    List<Task> back = new ArrayList<>();
    for (int k = 0; k < tasks.length; k++) {
      if (states[k] == State.IN_FLIGHT && worker.equals(owners[k])) {
        back.add(tasks[k]);
      }
    }
    for (int i = back.size() - 1; i >= 0; i--) {
      int k = indexOf(back.get(i).id());
      releaseOwner(k);
      states[k] = State.PENDING;
      pending.addFirst(tasks[k]);
    }
    return back;
  }

  /** Number of tasks in flight at {@code worker}. */
  public int inFlight(W worker) {
    int[] count = inFlightCounts.get(worker);
    return count == null ? 0 : count[0];
  }

  /** Number of tasks waiting to be handed out. */
  public int pendingCount() {
    return pending.size();
  }

  /** True when some task is waiting to be handed out. */
  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Number of tasks done. */
  public int doneCount() {
    return doneTasks;
  }

  /** Failures recorded for task {@code id} (0 if unknown). */
  public int failures(TaskId id) {
    int k = indexOf(id);
    return k < 0 ? 0 : failures[k];
  }

  /** The task of the current batch with this id, or null. */
  public Task task(TaskId id) {
    int k = indexOf(id);
    return k < 0 ? null : tasks[k];
  }

  /** Every task in flight, in index order. */
  @SuppressWarnings("unchecked")
  public List<InFlight<W>> inFlightTasks() {
    List<InFlight<W>> list = new ArrayList<>();
    for (int k = 0; k < tasks.length; k++) {
      if (states[k] == State.IN_FLIGHT) {
        list.add(new InFlight<>(tasks[k], (W) owners[k], sentAt[k]));
      }
    }
    return list;
  }

  /** Every pending task, in index order. */
  public List<Task> pendingTasks() {
    List<Task> list = new ArrayList<>();
    for (int k = 0; k < tasks.length; k++) {
      if (states[k] == State.PENDING) {
        list.add(tasks[k]);
      }
    }
    return list;
  }

  /** True when every task of the current batch is done. */
  public boolean isComplete() {
    return doneTasks == tasks.length;
  }

  /**
   * The values of the complete batch, by point index. The array is handed over, not copied: the
   * book allocates a new one for the next batch.
   */
  public double[] values() {
    if (!isComplete()) {
      throw new IllegalStateException("batch " + batchId + " still has " + (tasks.length - doneTasks)
          + " of " + tasks.length + " tasks to do");
    }
    return values;
  }

  /**
   * The log-likelihoods and derived values of the complete batch, by point index (arrays handed
   * over, not copied).
   */
  public Evaluation evaluation() {
    return new Evaluation(values(), derived);
  }

  private void releaseOwner(int k) {
    int[] count = inFlightCounts.get(owners[k]);
    if (count != null && --count[0] == 0) {
      inFlightCounts.remove(owners[k]);
    }
    owners[k] = null;
  }

  private int indexOf(TaskId id) {
    if (id.batchId() != batchId) {
      return -1;
    }
    int k = Arrays.binarySearch(starts, id.from());
    return k < 0 ? -1 : k;
  }
}
