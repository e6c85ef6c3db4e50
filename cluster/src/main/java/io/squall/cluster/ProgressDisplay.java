package io.squall.cluster;

import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.LoggerFactory;

/**
 * Where the progress of a run goes: a live bar on a terminal ({@link Bar}), one plain log line per
 * iteration elsewhere ({@link Lines}, for CI and batch jobs), or nothing ({@code --quiet}).
 */
interface ProgressDisplay extends AutoCloseable {
  /** Shows one completed iteration. */
  void show(IterationProgress progress);

  /** The run finished: a bar shows 100 %. */
  default void finished() {}

  /** Ends the display (the bar's last state stays on the terminal). */
  @Override
  void close();

  /** No display. */
  static ProgressDisplay quiet() {
    return new ProgressDisplay() {
      @Override
      public void show(IterationProgress progress) {}

      @Override
      public void close() {}
    };
  }

  /**
   * The display for this process: nothing if {@code quiet}, a bar on stderr (redrawn in place) if the process runs in
   * a terminal, else INFO log lines.
   *
   * @param totalSamples where the run ends (the bar's 100 %)
   */
  static ProgressDisplay choose(boolean quiet, int totalSamples) {
    if (quiet) {
      return quiet();
    }
    if (System.console() != null) {
      return new Bar(totalSamples);
    }
    return new Lines(LoggerFactory.getLogger("io.squall.progress")::info);
  }

  /** The numbers of an iteration, compact, as the bar and the log lines show them. */
  static String describe(IterationProgress p) {
    String busy = Double.isNaN(p.busyWorkers()) ? "-" : String.format(Locale.ROOT, "%.1f", p.busyWorkers());
    String acceptance = Double.isNaN(p.acceptance()) ? "-" : String.format(Locale.ROOT, "%.2f", p.acceptance());
    return String.format(Locale.ROOT, "β=%.4g ESS=%.0f log Ẑ=%.3f calls=%s acc=%s busy=%s/%d",
        p.beta(), p.effectiveSampleSize(), p.logEvidence(), count(p.likelihoodCalls()), acceptance, busy,
        p.workers());
  }

  /** 950, 12.3k, 4.56M: a count in at most a few characters. */
  static String count(long n) {
    if (n < 10_000) {
      return Long.toString(n);
    }
    return n < 10_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : String.format(Locale.ROOT, "%.2fM", n / 1e6);
  }

  /** One line per iteration to a sink (a logger at INFO in a real run). */
  final class Lines implements ProgressDisplay {
    private final Consumer<String> sink;

    Lines(Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public void show(IterationProgress p) {
      sink.accept(String.format(Locale.ROOT, "iteration %d: %s, %.1f s", p.iteration(),
          describe(p).replace("β", "beta").replace("log Ẑ", "logZ"), p.wallSeconds()));
    }

    @Override
    public void close() {}
  }

  /** A live bar (me.tongfei:progressbar): progress in ‰ of {@link IterationProgress#fraction}. */
  final class Bar implements ProgressDisplay {
    private static final int STEPS = 1000;
    private final int totalSamples;
    private final ProgressBar bar;

    Bar(int totalSamples) {
      this.totalSamples = totalSamples;
      this.bar = new ProgressBarBuilder()
          .setTaskName("squall")
          .setInitialMax(STEPS)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setUnit("‰", 1)
          .setUpdateIntervalMillis(250)
          .hideEta()
          .build();
    }

    @Override
    public void show(IterationProgress p) {
      bar.stepTo(Math.round(STEPS * p.fraction(totalSamples)));
      bar.setExtraMessage(describe(p));
    }

    @Override
    public void finished() {
      bar.stepTo(STEPS);
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
