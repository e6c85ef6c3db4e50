package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How batches are cut into tasks. */
class TaskSizerTest {
  private static final LocalOptions DEFAULTS = LocalOptions.withWorkers(2);
  private static final double MS = 1e6;

  private static void assertValid(int batchSize, int[] sizes) {
    assertEquals(batchSize, Arrays.stream(sizes).sum());
    assertTrue(Arrays.stream(sizes).allMatch(s -> s > 0), Arrays.toString(sizes));
    for (int i = 1; i < sizes.length - 1; i++) {
      assertTrue(sizes[i] <= sizes[i - 1], "non-increasing: " + Arrays.toString(sizes));
    }
  }

  @Test
  void aFixedPointsPerTaskOverridesEverything() {
    LocalOptions options = DEFAULTS.toBuilder().pointsPerTask(30).build();
    assertArrayEquals(new int[] {30, 30, 30, 10}, TaskSizer.sizes(100, 2, 1e9, options));
    assertArrayEquals(new int[] {7}, TaskSizer.sizes(7, 4, Double.NaN, options));
  }

  @Test
  void expensivePointsGetOnePointPerTask() {
    int[] sizes = TaskSizer.sizes(64, 4, 300 * MS, DEFAULTS);
    assertEquals(64, sizes.length);
    assertValid(64, sizes);
  }

  @Test
  void cheapPointsAimAtTheTargetTaskTimeAndTaperAtTheEnd() {
    int[] sizes = TaskSizer.sizes(40_000, 2, 0.1 * MS, DEFAULTS);
    assertValid(40_000, sizes);
    assertEquals(2000, sizes[0], "200 ms of 0.1 ms points");
    assertEquals(10, sizes[sizes.length - 2], "min-task-time 1 ms of 0.1 ms points");
    assertTrue(sizes[sizes.length - 1] <= 10);
    assertTrue(sizes.length < 100, "few messages: " + sizes.length);
  }

  @Test
  void severalTasksPerWorkerWhenTheBatchIsSmall() {
    int[] sizes = TaskSizer.sizes(256, 2, 2 * MS, DEFAULTS);
    assertValid(256, sizes);
    assertEquals(32, sizes[0], "256 / (4 tasks x 2 workers)");
    assertTrue(sizes.length >= 8, Arrays.toString(sizes));
  }

  @Test
  void veryCheapPointsMakeOneTaskRatherThanManyTinyOnes() {
    assertArrayEquals(new int[] {256}, TaskSizer.sizes(256, 2, 1000, DEFAULTS));
  }

  @Test
  void anUnknownCostStartsWithGuidedSizesDownToOnePoint() {
    int[] sizes = TaskSizer.sizes(64, 2, Double.NaN, DEFAULTS);
    assertValid(64, sizes);
    assertEquals(8, sizes[0]);
    assertEquals(1, sizes[sizes.length - 1]);
  }

  @Test
  void theMinimumTaskTimeBoundsTheTail() {
    LocalOptions options = DEFAULTS.toBuilder().minTaskTime(Duration.ofMillis(5)).build();
    int[] sizes = TaskSizer.sizes(1000, 2, 0.5 * MS, options);
    assertValid(1000, sizes);
    assertTrue(Arrays.stream(sizes).limit(sizes.length - 1).allMatch(s -> s >= 10), Arrays.toString(sizes));
  }

  @Test
  void anEmptyBatchHasNoTasks() {
    assertEquals(0, TaskSizer.sizes(0, 2, 1, DEFAULTS).length);
  }

  @Test
  void guidedSizesClampToTheirBounds() {
    assertArrayEquals(new int[] {4, 4, 2}, TaskSizer.guidedSizes(10, 1, 1, 4));
    assertArrayEquals(new int[] {4, 2, 2, 2}, TaskSizer.guidedSizes(10, 3, 2, 100));
  }

  @Test
  void maxTaskBytesCapsEveryTaskWhateverTheOtherRulesSay() {
    LocalOptions capped = DEFAULTS.toBuilder().maxTaskBytes(1024 + 10 * 8 * 100).build();
    assertEquals(100, TaskSizer.maxPointsByBytes(10, capped.maxTaskBytes()));
    int[] guided = TaskSizer.sizes(40_000, 10, 2, 0.1 * MS, capped);
    assertValid(40_000, guided);
    assertEquals(100, Arrays.stream(guided).max().getAsInt(), "capped from 2000 points");
    int[] unknownCost = TaskSizer.sizes(1000, 10, 2, Double.NaN, capped);
    assertValid(1000, unknownCost);
    assertEquals(100, unknownCost[0], "the first batch is capped too");
    int[] fixed = TaskSizer.sizes(250, 10, 2, 1e9, capped.toBuilder().pointsPerTask(500).build());
    assertArrayEquals(new int[] {100, 100, 50}, fixed);
    assertArrayEquals(TaskSizer.sizes(256, 2, 2 * MS, DEFAULTS), TaskSizer.sizes(256, 10, 2, 2 * MS, DEFAULTS),
        "no cap by default");
    assertEquals(1, TaskSizer.maxPointsByBytes(100_000, 2048), "at least one point");
  }
}
