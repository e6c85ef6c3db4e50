package io.squall.examples;

import io.squall.sampler.Evaluation;
import io.squall.sampler.ForwardingModel;
import io.squall.sampler.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A model whose log-likelihood costs an extra {@code delayMs} milliseconds per evaluated point: a
 * busy-wait, for parallel demos and benchmarks. Every built-in example reads it from its
 * {@code delay-ms} parameter; it works around any {@link Model}.
 *
 * <p>The wait spins on the current thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()})
 * where the JVM supports it, so that an oversubscribed machine shows up as longer wall time, as
 * with a real likelihood; elsewhere it spins on {@link System#nanoTime()}. Values are those of the
 * wrapped model: the delay changes timings only, never results.
 */
public final class DelayedModel extends ForwardingModel {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final double delayMs;

  private DelayedModel(Model model, double delayMs) {
    super(model);
    this.delayMs = delayMs;
  }

  /**
   * {@code model} with a busy-wait of {@code delayMs} ≥ 0 milliseconds per evaluated point; the
   * model itself when {@code delayMs} is 0.
   */
  public static Model wrap(Model model, double delayMs) {
    if (!(delayMs >= 0 && Double.isFinite(delayMs))) {
      throw new IllegalArgumentException("delay-ms must be a finite number >= 0, got " + delayMs);
    }
    return delayMs == 0 ? model : new DelayedModel(model, delayMs);
  }

  /** The milliseconds spent per evaluated point. */
  public double delayMs() {
    return delayMs;
  }

  @Override
  public double[] logLikelihoods(double[][] thetas) {
    return evaluate(thetas).logLikelihoods();
  }

  @Override
  public Evaluation evaluate(double[][] thetas) {
    Evaluation values = super.evaluate(thetas);
    spin(Math.round(thetas.length * delayMs * 1e6));
    return values;
  }

  @Override
  public String toString() {
    return delegate() + " with delay-ms=" + delayMs;
  }

  /**
   * Busy-waits {@code nanos} nanoseconds of this thread's CPU time, or of wall time where CPU time
   * is unsupported or disabled (then possibly longer: never shorter).
   */
  static void spin(long nanos) {
    long start = cpuNanos();
    if (start >= 0) {
      long now = start;
      while (now >= 0 && now - start < nanos) {
        Thread.onSpinWait();
        now = cpuNanos();
      }
      if (now >= 0) {
        return;
      }
    }
    long wallStart = System.nanoTime();
    while (System.nanoTime() - wallStart < nanos) {
      Thread.onSpinWait();
    }
  }

  /** This thread's CPU time in nanoseconds, or −1 when the JVM does not measure it. */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }
}
