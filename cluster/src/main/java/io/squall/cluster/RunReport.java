package io.squall.cluster;

import io.squall.sampler.SamplerResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The human-readable lines {@code squall run} prints when a run ends. */
final class RunReport {
  private RunReport() {}

  /** Prints the report of {@code outcome} to {@code out}. */
  static void print(RunOutcome outcome, PrintWriter out) {
    SamplerResult r = outcome.result();
    line(out, "model", outcome.settings().model().describe());
    line(out, "log Z", format("%.4f", r.logEvidence()) + " ± " + error(r.logEvidenceError()));
    outcome.knownLogEvidence().ifPresent(z -> line(out, "true log Z",
        format("%.4f", z) + "   (estimate - true = " + format("%+.4f", r.logEvidence() - z) + ")"));
    line(out, "likelihood calls", Long.toString(r.likelihoodCalls()));
    line(out, "iterations", Integer.toString(r.iterations()));
    line(out, "ESS", format("%.1f", r.effectiveSampleSize()));
    line(out, "wall time", format("%.2f", outcome.wallSeconds()) + " s");
    line(out, "mode", outcome.settings().execution().mode().label() + ", "
        + outcome.settings().execution().workers() + " workers");
    outcome.stats().ifPresent(stats -> {
      line(out, "parallel eff.", format("%.3f", stats.parallelEfficiency())
          + " (likelihood busy time / (workers x evaluation wall time))");
      stats.advice().forEach(a -> line(out, "advice", a));
      stats.warnings().forEach(w -> line(out, "warning", w));
    });
    line(out, "results", outcome.settings().outputDir() + " (" + ResultsWriter.SUMMARY + ", "
        + ResultsWriter.SAMPLES + ")");
    out.flush();
  }

  private static String error(double error) {
    return Double.isFinite(error) ? format("%.4f", error) : "n/a";
  }

  private static void line(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-17s %s%n", label, value);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
