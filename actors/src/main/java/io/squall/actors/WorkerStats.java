package io.squall.actors;

/**
 * What one worker did during a run.
 *
 * @param worker the worker's name ({@code worker-0}, … in local mode; the thread name in
 *     {@link ExecutorMode})
 * @param tasks tasks it completed (duplicates not counted)
 * @param points points it evaluated in those tasks
 * @param busySeconds time spent in the likelihood (failed attempts included)
 * @param idleSeconds evaluation-phase wall time not spent in the likelihood: the run's
 *     {@link RunStats#evaluationSeconds()} minus {@code busySeconds} (never negative)
 * @param failures tasks whose likelihood threw an exception here
 * @param restarts times the worker was restarted after an {@code Error}
 */
public record WorkerStats(
    String worker,
    long tasks,
    long points,
    double busySeconds,
    double idleSeconds,
    int failures,
    int restarts) {}
