package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.MapTask;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The π and array-addition tasks of {@code squall example}, run in the calling thread. */
class MapExamplesTest {
  private static double[][] apply(MapTask task, double[][] inputs) {
    return Arrays.stream(inputs).map(task::apply).toArray(double[][]::new);
  }

  /** Counts points below the diagonal instead of inside the circle: its "π" is 2. */
  static final class WrongPi implements MapTask {
    @Override
    public int inputWidth() {
      return 3;
    }

    @Override
    public int outputWidth() {
      return 1;
    }

    @Override
    public double[] apply(double[] input) {
      long seed = ((long) input[0] << 32) | (long) input[1];
      org.apache.commons.rng.UniformRandomProvider rng =
          org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
      long hits = 0;
      for (long i = 0; i < (long) input[2]; i++) {
        hits += rng.nextDouble() + rng.nextDouble() <= 1 ? 1 : 0;
      }
      return new double[] {hits};
    }
  }

  /**
   * π from 10⁶ points is within 5 standard errors (σ = 4√(p(1−p)/n) = 1.6·10⁻³, p = π/4) of π:
   * a correct task fails with probability 6·10⁻⁷ (fixed seed, so in practice never); the broken
   * variant, which estimates 2, is 700 σ off and must fail the same check.
   */
  @Test
  void piIsWithinFiveStandardErrorsAndABrokenTaskIsNot() {
    long n = 1_000_000;
    double p = Math.PI / 4;
    double sigma = 4 * Math.sqrt(p * (1 - p) / n);
    double[][] inputs = PiTask.inputs(7, n, 100);
    double pi = PiTask.estimate(apply(new PiTask(), inputs), n);
    assertEquals(Math.PI, pi, 5 * sigma);
    double wrong = PiTask.estimate(apply(new WrongPi(), inputs), n);
    assertTrue(Math.abs(wrong - Math.PI) > 5 * sigma, "the broken task gave " + wrong);
  }

  @Test
  void chunkSeedsAndSizesDependOnlyOnTheRootSeed() {
    double[][] a = PiTask.inputs(42, 1003, 10);
    assertEquals(1003, Arrays.stream(a).mapToLong(r -> (long) r[2]).sum());
    assertEquals(101, (long) a[0][2]);
    assertEquals(100, (long) a[9][2]);
    assertArrayEquals(a[3], PiTask.inputs(42, 1003, 10)[3]);
    assertTrue(a[3][0] != PiTask.inputs(43, 1003, 10)[3][0] || a[3][1] != PiTask.inputs(43, 1003, 10)[3][1]);
    assertThrows(IllegalArgumentException.class, () -> PiTask.inputs(1, 5, 10));
  }

  @Test
  void scatterAddGatherWithAShortLastChunk() {
    double[] a = new double[1005];
    double[] b = new double[1005];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.sqrt(i);
      b[i] = -0.25 * i;
    }
    ArrayAdditionTask task = new ArrayAdditionTask(100);
    double[][] rows = task.scatter(a, b);
    assertEquals(11, rows.length);
    double[] c = task.gather(apply(task, rows), a.length);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i] + b[i], c[i], 0.0, "element " + i);
    }
  }

  @Test
  void tasksByNameCheckTheirParameters() {
    assertEquals(20, ExampleTasks.create("add", ModelParameters.of("task:add", Map.of("chunk", "10"))).inputWidth());
    SettingsException e = assertThrows(SettingsException.class,
        () -> ExampleTasks.create("add", ModelParameters.of("task:add", Map.of("chunk", "0", "chunks", "3"))));
    assertTrue(e.getMessage().contains("chunk must be at least 1") && e.getMessage().contains("'chunks'"),
        e.getMessage());
    assertThrows(SettingsException.class, () -> ExampleTasks.create("nope", ModelParameters.of("task:nope", Map.of())));
  }
}
