package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delay is a busy-wait, so the time spent can only exceed it: these tests assert lower bounds
 * only, which cannot fail on a slow or loaded machine.
 */
class DelayedModelTest {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Wall and (where measured, else −1) CPU nanoseconds spent by {@code work} on this thread. */
  private static long[] time(Runnable work) {
    long cpu = cpuNanos();
    long wall = System.nanoTime();
    work.run();
    long wallSpent = System.nanoTime() - wall;
    long cpuEnd = cpuNanos();
    return new long[] {wallSpent, cpu >= 0 && cpuEnd >= 0 ? cpuEnd - cpu : -1};
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  @Test
  void eachEvaluatedPointCostsTheDelay() {
    Model model = ExampleModels.create("gaussian", Map.of("dim", "2", "delay-ms", "15"));
    double[][] batch = {{0, 0}, {1, 1}, {2, 2}};
    long[] spent = time(() -> model.logLikelihoods(batch));
    assertTrue(spent[0] >= 45_000_000L, "wall ns " + spent[0]);
    if (spent[1] >= 0) {
      assertTrue(spent[1] >= 45_000_000L, "cpu ns " + spent[1]);
    }
  }

  @Test
  void fractionalDelaysAndTheUnitCubePathAreDelayedToo() {
    Model model = ExampleModels.create("rosenbrock", Map.of("dim", "2", "delay-ms", "2.5"));
    double[][] unit = {{0.5, 0.5}, {0.1, 0.9}, {0.3, 0.3}, {0.7, 0.2}};
    long[] spent = time(() -> model.logLikelihoodsOfUnitCube(unit));
    assertTrue(spent[0] >= 10_000_000L, "wall ns " + spent[0]);
    if (spent[1] >= 0) {
      assertTrue(spent[1] >= 10_000_000L, "cpu ns " + spent[1]);
    }
  }

  @Test
  void aSleepingDelayTakesTheWallTimeWithoutTheCpu() {
    Model model = ExampleModels.create("gaussian", Map.of("dim", "2", "delay-ms", "15", "delay-kind", "sleep"));
    double[][] batch = {{0, 0}, {1, 1}, {2, 2}};
    long[] spent = time(() -> model.logLikelihoods(batch));
    assertTrue(spent[0] >= 45_000_000L, "wall ns " + spent[0]);
    if (spent[1] >= 0) {
      assertTrue(spent[1] < 30_000_000L, "a sleep must not spin: cpu ns " + spent[1]);
    }
    assertTrue(model.toString().endsWith("delay-ms=15.0 (sleep)"), model.toString());
  }

  @Test
  void anUnknownDelayKindIsNamed() {
    Exception e = assertThrows(io.squall.sampler.SettingsException.class,
        () -> ExampleModels.create("gaussian", Map.of("delay-ms", "1", "delay-kind", "nap")));
    assertTrue(e.getMessage().contains("'delay-kind'") && e.getMessage().contains("'nap'"), e.getMessage());
  }

  @Test
  void spinWaitsAtLeastTheRequestedTime() {
    long[] spent = time(() -> DelayedModel.spin(20_000_000L));
    assertTrue(spent[0] >= 20_000_000L, "wall ns " + spent[0]);
  }

  @Test
  void valuesAndDescriptionAreThoseOfTheWrappedModel() {
    Model plain = ExampleModels.create("shells", Map.of("dim", "3"));
    Model delayed = DelayedModel.wrap(plain, 0.01);
    double[][] thetas = {{5.5, 0, 0}, {0, 1, -1}};
    assertArrayEquals(plain.logLikelihoods(thetas), delayed.logLikelihoods(thetas));
    assertArrayEquals(plain.theta(new double[] {0.2, 0.4, 0.6}), delayed.theta(new double[] {0.2, 0.4, 0.6}));
    assertEquals(plain.dimension(), delayed.dimension());
    assertEquals(plain.parameterNames(), delayed.parameterNames());
    assertEquals(plain.boundaries(), delayed.boundaries());
    assertEquals(plain.knownLogEvidence(), delayed.knownLogEvidence());
    assertTrue(delayed.toString().startsWith(plain.toString()), delayed.toString());
  }

  @Test
  void zeroDelayIsTheModelItselfAndNegativeIsRefused() {
    Model plain = ExampleModels.create("eggbox", Map.of());
    assertSame(plain, DelayedModel.wrap(plain, 0));
    assertThrows(IllegalArgumentException.class, () -> DelayedModel.wrap(plain, -1));
    assertThrows(IllegalArgumentException.class, () -> DelayedModel.wrap(plain, Double.NaN));
  }
}
