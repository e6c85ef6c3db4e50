package io.squall.cluster;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.squall.actors.RunStats;
import io.squall.actors.WorkerStats;
import io.squall.sampler.EvidenceReport;
import io.squall.sampler.IterationDiagnostics;
import io.squall.sampler.SamplerResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The summary.json of a run: a pretty-printed object with a fixed key order, numbers printed
 * exactly ({@link Double#toString}), non-finite numbers as {@code null} (JSON has no NaN). The same
 * seed gives the same bytes, {@code wallSeconds} aside.
 */
final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private SummaryJson() {}

  /** Writes the summary of {@code outcome}, with a final newline. */
  static void write(RunOutcome outcome, Writer out) throws IOException {
    out.write(WRITER.writeValueAsString(build(outcome)));
    out.write('\n');
  }

  /** The summary as a JSON tree. */
  static ObjectNode build(RunOutcome outcome) {
    SamplerResult r = outcome.result();
    RunSettings settings = outcome.settings();
    ObjectNode root = MAPPER.createObjectNode();
    number(root, "logEvidence", r.logEvidence());
    number(root, "logEvidenceError", r.logEvidenceError());
    evidence(root, r.evidence());
    root.put("likelihoodCalls", r.likelihoodCalls());
    root.put("iterations", r.iterations());
    root.put("seed", r.seed());
    r.parameterNames().forEach(root.putArray("parameterNames")::add);
    numbers(root.putArray("posteriorMean"), r.posteriorMean());
    numbers(root.putArray("posteriorStd"), r.posteriorStd());
    if (!r.posterior().derivedNames().isEmpty()) {
      r.posterior().derivedNames().forEach(root.putArray("derivedNames")::add);
      numbers(root.putArray("derivedMean"), r.posterior().derivedMean());
    }
    number(root, "effectiveSampleSize", r.effectiveSampleSize());
    number(root, "wallSeconds", outcome.wallSeconds());
    root.put("mode", settings.execution().mode().label());
    root.put("workers", settings.execution().workers());
    model(root.putObject("model"), settings.model());
    samplerSettings(root.putObject("settings"), r);
    outcome.knownLogEvidence().ifPresent(z -> number(root, "knownLogEvidence", z));
    outcome.stats().ifPresent(stats -> workers(root, stats));
    outcome.tuning().ifPresent(t -> tuning(root.putObject("tuning"), t));
    diagnostics(root.putArray("diagnostics"), r.diagnostics());
    root.put("squallVersion", SquallVersion.get());
    return root;
  }

  /** Parallel-mode figures: efficiency, per-worker numbers, advice and warnings. */
  private static void workers(ObjectNode root, RunStats stats) {
    number(root, "parallelEfficiency", stats.parallelEfficiency());
    number(root, "secondsPerPoint", stats.secondsPerPoint());
    number(root, "evaluationSeconds", stats.evaluationSeconds());
    ArrayNode array = root.putArray("workerStats");
    for (WorkerStats w : stats.workerStats()) {
      ObjectNode node = array.addObject();
      node.put("worker", w.worker());
      node.put("tasks", w.tasks());
      node.put("points", w.points());
      number(node, "busySeconds", w.busySeconds());
      number(node, "idleSeconds", w.idleSeconds());
      node.put("failures", w.failures());
      node.put("restarts", w.restarts());
    }
    stats.advice().forEach(root.putArray("advice")::add);
    stats.warnings().forEach(warnings(root)::add);
  }

  /** The cached tuning the run used ({@code squall tune}). */
  private static void tuning(ObjectNode node, AppliedTuning applied) {
    node.put("file", applied.file().toString());
    node.put("workers", applied.tuning().workers());
    node.put("pointsPerTask", applied.tuning().pointsPerTask());
    number(node, "secondsPerPoint", applied.tuning().secondsPerPoint());
    node.put("measuredAt", applied.tuning().measuredAt());
  }

  /** The evidence report's keys, after logEvidenceError. */
  private static void evidence(ObjectNode root, EvidenceReport e) {
    root.put("evidenceEstimator", e.estimator().label());
    root.put("logEvidenceErrorMethod", e.errorMethod().label());
    number(root, "logEvidencePersistent", e.logEvidencePersistent());
    number(root, "logEvidenceResolved", e.logEvidenceResolved());
    number(root, "logEvidenceErrorPersistent", e.logEvidenceErrorPersistent());
    number(root, "effectiveLineages", e.effectiveLineages());
    number(root, "lineageDependenceRatio", e.dependenceRatio());
    root.put("bootstrapReplicates", e.bootstrapReplicates());
    root.put("replicas", e.replicas());
    e.warnings().forEach(warnings(root)::add);
  }

  /** The one {@code warnings} array of the summary (evidence and run warnings together). */
  private static ArrayNode warnings(ObjectNode root) {
    return root.has("warnings") ? (ArrayNode) root.get("warnings") : root.putArray("warnings");
  }

  private static void model(ObjectNode node, ModelSpec model) {
    node.put("name", model.name());
    ObjectNode params = node.putObject("params");
    model.params().forEach(params::put);
  }

  private static void samplerSettings(ObjectNode node, SamplerResult r) {
    for (Map.Entry<String, Object> e : SettingKeys.samplerSettingsByLeaf(r.settings()).entrySet()) {
      node.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
    }
  }

  private static void diagnostics(ArrayNode array, List<IterationDiagnostics> diagnostics) {
    for (IterationDiagnostics d : diagnostics) {
      ObjectNode node = array.addObject();
      node.put("iteration", d.iteration());
      number(node, "beta", d.beta());
      number(node, "effectiveSampleSize", d.effectiveSampleSize());
      number(node, "logEvidence", d.logEvidence());
      number(node, "acceptance", d.acceptance());
      node.put("steps", d.steps());
      number(node, "stepSizeRatio", d.stepSizeRatio());
      node.put("modes", d.modes());
      node.put("likelihoodCalls", d.likelihoodCalls());
      node.put("poolSize", d.poolSize());
    }
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double value : values) {
      if (Double.isFinite(value)) {
        array.add(value);
      } else {
        array.addNull();
      }
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
