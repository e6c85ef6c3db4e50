package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.MapTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generic map on local worker actors: outputs in input order, whatever the worker count. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DistributedMapTest {
  /** (x, y) ↦ (x·y, x + y, a slow-ish sum that makes tasks take a little time). */
  static final class Products implements MapTask {
    @Override
    public int inputWidth() {
      return 2;
    }

    @Override
    public int outputWidth() {
      return 3;
    }

    @Override
    public double[] apply(double[] in) {
      double s = 0;
      for (int k = 1; k <= 2000; k++) {
        s += Math.sin(in[0] * k) / k;
      }
      return new double[] {in[0] * in[1], in[0] + in[1], s};
    }
  }

  static final class Failing implements MapTask {
    @Override
    public int inputWidth() {
      return 1;
    }

    @Override
    public int outputWidth() {
      return 1;
    }

    @Override
    public double[] apply(double[] in) {
      if (in[0] == 17) {
        throw new IllegalStateException("row seventeen is broken");
      }
      return in;
    }
  }

  private static double[][] inputs(int n) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {i * 0.37, 1.0 / (i + 1)};
    }
    return rows;
  }

  @Test
  void everyWorkerCountGivesTheSequentialOutputsInInputOrder() {
    double[][] in = inputs(3000);
    double[][] sequential = DistributedMap.sequential(new Products(), in);
    assertEquals(3000, sequential.length);
    assertArrayEquals(new double[] {in[5][0] * in[5][1], in[5][0] + in[5][1], sequential[5][2]}, sequential[5]);
    for (int workers : new int[] {1, 2, 4}) {
      double[][] local = DistributedMap.local(new Products(), in, workers);
      for (int i = 0; i < in.length; i++) {
        assertArrayEquals(sequential[i], local[i], "row " + i + " with " + workers + " workers");
      }
    }
  }

  @Test
  void aTaskThatThrowsStopsTheMapWithItsMessage() {
    double[][] in = new double[40][];
    for (int i = 0; i < in.length; i++) {
      in[i] = new double[] {i};
    }
    RuntimeException e = assertThrows(RuntimeException.class, () -> DistributedMap.local(new Failing(), in, 2));
    String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
    assertTrue(message.contains("row seventeen is broken"), message);
  }

  @Test
  void rowsOfTheWrongWidthAreListed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistributedMap.local(new Products(), new double[][] {{1, 2}, {3}, {4, 5, 6}}, 2));
    assertTrue(e.getMessage().contains("row 1 has 1 values") && e.getMessage().contains("row 2 has 3 values"),
        e.getMessage());
  }
}
