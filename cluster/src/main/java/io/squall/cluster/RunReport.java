package io.squall.cluster;

import io.squall.sampler.EvidenceReport;
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
    EvidenceReport e = r.evidence();
    line(out, "log Z", format("%.4f", r.logEvidence()) + " ± " + error(r.logEvidenceError()) + "   ("
        + method(e) + ")");
    line(out, "persistent log Z", format("%.4f", e.logEvidencePersistent()) + " ± "
        + error(e.logEvidenceErrorPersistent()) + "   (K_eff " + format("%.0f", e.effectiveLineages())
        + (Double.isFinite(e.dependenceRatio()) ? ", lineage/stratified " + format("%.2f", e.dependenceRatio()) : "")
        + ")");
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
    e.warnings().forEach(w -> line(out, "warning", w));
    line(out, "results", outcome.settings().outputDir() + " (" + ResultsWriter.SUMMARY + ", "
        + ResultsWriter.SAMPLES + ", *.npy, *.png; see docs/outputs.md)");
    out.flush();
  }

  private static String method(EvidenceReport e) {
    if (e.errorMethod() == EvidenceReport.ErrorMethod.REPLICA_SPREAD) {
      return e.estimator().label() + ", pooled over " + e.replicas() + " replicas; 68 % / 95 % intervals ± "
          + format("%.4f", e.halfWidth(0.6827)) + " / ± " + format("%.4f", e.halfWidth(0.9545))
          + " (Student-t, " + (e.replicas() - 1) + " d.o.f.)";
    }
    return e.estimator().label() + ", error from the " + e.errorMethod().label();
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
