package io.squall.examples;

import io.squall.sampler.Evaluation;
import io.squall.sampler.ForwardingModel;
import io.squall.sampler.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * A model whose log-likelihood costs an extra {@code delayMs} milliseconds per evaluated point: a
 * busy-wait, for parallel demos and benchmarks. Every built-in example reads it from its
 * {@code delay-ms} parameter; it works around any {@link Model}.
 *
 * <p>The wait spins on the current thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()})
 * where the JVM supports it, so that an oversubscribed machine shows up as longer wall time, as
 * with a real likelihood; elsewhere it spins on {@link System#nanoTime()}. Values are those of the
 * wrapped model: the delay changes timings only, never results.
 *
 * <p>{@link Kind#SLEEP} instead parks the thread until the wall-clock deadline, without using the
 * CPU: a likelihood whose work happens elsewhere (a GPU, a service, another machine). It measures
 * what the protocol costs when the workers' likelihood does not compete for the same cores as the
 * master, as on a real cluster; a small machine cannot show that with spinning workers.
 */
public final class DelayedModel extends ForwardingModel {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** How the delay is spent: {@code delay-kind} = {@code spin} (default) or {@code sleep}. */
  public enum Kind {
    /** Busy-waits on this thread's CPU time. */
    SPIN,
    /** Parks the thread until the wall-clock deadline, without using the CPU. */
    SLEEP;

    /** The kind named {@code name} (case-insensitive), or null if there is none. */
    static Kind named(String name) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(name)) {
          return k;
        }
      }
      return null;
    }
  }

  private final double delayMs;
  private final Kind kind;

  private DelayedModel(Model model, double delayMs, Kind kind) {
    super(model);
    this.delayMs = delayMs;
    this.kind = kind;
  }

  /**
   * {@code model} with a busy-wait of {@code delayMs} ≥ 0 milliseconds per evaluated point; the
   * model itself when {@code delayMs} is 0.
   */
  public static Model wrap(Model model, double delayMs) {
    return wrap(model, delayMs, Kind.SPIN);
  }

  /** {@code model} with a delay of {@code delayMs} ≥ 0 milliseconds per point spent as {@code kind}. */
  public static Model wrap(Model model, double delayMs, Kind kind) {
    if (!(delayMs >= 0 && Double.isFinite(delayMs))) {
      throw new IllegalArgumentException("delay-ms must be a finite number >= 0, got " + delayMs);
    }
    return delayMs == 0 ? model : new DelayedModel(model, delayMs, kind);
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
    long nanos = Math.round(thetas.length * delayMs * 1e6);
    if (kind == Kind.SLEEP) {
      sleep(nanos);
    } else {
      spin(nanos);
    }
    return values;
  }

  @Override
  public String toString() {
    return delegate() + " with delay-ms=" + delayMs + (kind == Kind.SLEEP ? " (sleep)" : "");
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

  /** The last part of a sleep is spun, because a parked thread wakes up late by up to ~0.1 ms. */
  private static final long SPUN_NANOS = 200_000;

  /**
   * Waits {@code nanos} nanoseconds of wall time (never shorter): parked until {@value #SPUN_NANOS}
   * ns before the deadline, then spinning, so that the wait overshoots by microseconds rather than
   * by a timer wake-up (parking alone overshot 1–2 % of 10-ms waits here).
   */
  static void sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos - SPUN_NANOS; left > 0; left = deadline - SPUN_NANOS - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
    while (System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** This thread's CPU time in nanoseconds, or −1 when the JVM does not measure it. */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }
}
