package io.squall.cluster;

/**
 * The result of {@code squall tune} for one model on one machine: the best workers per node and
 * points per task, and what was measured to choose them.
 *
 * @param workers worker actors per node
 * @param pointsPerTask points per task ({@code squall.tasks.points-per-task})
 * @param secondsPerPoint likelihood time per point, one worker alone, at {@code pointsPerTask}
 * @param bytesPerPoint bytes allocated per evaluated point (ThreadMXBean)
 * @param memoryPerWorkerBytes estimated memory one worker needs: the allocation of one task
 * @param pointsPerSecond throughput of all {@code workers} together
 * @param measuredAt when it was measured (ISO-8601)
 */
public record Tuning(int workers, int pointsPerTask, double secondsPerPoint, long bytesPerPoint,
    long memoryPerWorkerBytes, double pointsPerSecond, String measuredAt) {}
