package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquallCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GAUSSIAN = TestModels.Gaussian2d.class.getName();
  private static final List<String> SUMMARY_KEYS = List.of("logEvidence", "logEvidenceError",
      "evidenceEstimator", "logEvidenceErrorMethod", "logEvidencePersistent", "logEvidenceResolved",
      "logEvidenceErrorPersistent", "effectiveLineages", "lineageDependenceRatio", "bootstrapReplicates",
      "replicas", "warnings", "likelihoodCalls", "iterations", "seed", "parameterNames", "posteriorMean", "posteriorStd",
      "effectiveSampleSize", "wallSeconds", "mode", "workers", "model", "settings",
      "knownLogEvidence", "diagnostics", "squallVersion");
  private static final List<String> DIAGNOSTIC_KEYS = List.of("iteration", "beta",
      "effectiveSampleSize", "logEvidence", "acceptance", "steps", "stepSizeRatio", "modes",
      "likelihoodCalls", "poolSize");

  @TempDir Path dir;

  /** Exit code and what was printed. */
  record Outcome(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
  }

  private static Outcome squall(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SquallCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private Outcome runSmall(String model, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--config", TestFiles.smallConfig(dir).toString(),
        "--model", model, "--out", out.toString()));
    args.addAll(List.of(extra));
    return squall(args.toArray(String[]::new));
  }

  private static JsonNode summary(Path out) throws IOException {
    return JSON.readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void runWritesSummaryAndSamplesAndPrintsTheReport() throws IOException {
    Path out = dir.resolve("results/nested");
    Outcome run = runSmall(GAUSSIAN, out, "--param", "sigma=1", "--seed", "5", "--workers", "0");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    for (String label : List.of("model", "log Z", "true log Z", "likelihood calls", "iterations", "ESS",
        "wall time", "results")) {
      assertTrue(run.out().contains(label + " "), label + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("resolved, error from the lineage-bootstrap"), run.out());
    assertTrue(run.out().contains("persistent log Z "), run.out());
    JsonNode summary = summary(out);
    assertEquals(SUMMARY_KEYS, fieldNames(summary));
    assertTrue(summary.get("logEvidenceError").asDouble() > 0, summary.get("logEvidenceError").toString());
    assertEquals("resolved", summary.get("evidenceEstimator").asText());
    assertEquals("lineage-bootstrap", summary.get("logEvidenceErrorMethod").asText());
    assertEquals(summary.get("logEvidenceResolved"), summary.get("logEvidence"));
    assertTrue(summary.get("warnings").isArray());
    assertEquals(1, summary.get("replicas").asInt());
    assertEquals(1, summary.at("/settings/replicas").asInt());
    assertEquals(5, summary.get("seed").asLong());
    assertEquals("sequential", summary.get("mode").asText());
    assertEquals(0, summary.get("workers").asInt());
    assertEquals(GAUSSIAN, summary.at("/model/name").asText());
    assertEquals("1", summary.at("/model/params/sigma").asText());
    assertEquals(64, summary.at("/settings/active-particles").asInt());
    assertEquals("pcn", summary.at("/settings/kernel").asText());
    assertEquals(List.of("x0", "x1"), texts(summary.get("parameterNames")));
    assertEquals(-Math.log(100), summary.get("knownLogEvidence").asDouble());
    assertEquals(-Math.log(100), summary.get("logEvidence").asDouble(), 0.5);
    JsonNode diagnostics = summary.get("diagnostics");
    assertEquals(summary.get("iterations").asInt(), diagnostics.size());
    assertEquals(DIAGNOSTIC_KEYS, fieldNames(diagnostics.get(0)));
    assertFalse(summary.get("squallVersion").asText().isBlank());

    int poolSize = diagnostics.get(diagnostics.size() - 1).get("poolSize").asInt();
    List<String> csv = Files.readAllLines(out.resolve("samples.csv"));
    assertEquals("x0,x1,weight,logLikelihood", csv.get(0));
    assertEquals(poolSize, csv.size() - 1);
    assertEquals(4, csv.get(1).split(",").length);
    try (var files = Files.list(out)) {
      assertEquals(List.of("corner.png", "diagnostics.png", "logl.npy", "samples.csv", "samples.npy", "summary.json",
          "utilisation.png", "weights.npy"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  /**
   * The built-in gaussian with {@code derived=true}: its derived values radius2 = |θ|² and chi2
   * come out as columns after the parameters, each row's radius2 computed from that row's θ, and
   * with their weighted means in the summary; two workers write the same file.
   */
  @Test
  void derivedValuesAreColumnsOfSamplesCsvAndMeansInTheSummary() throws IOException {
    Outcome run = runSmall("gaussian", dir.resolve("d0"), "--param", "dim=2", "--param", "derived=true",
        "--workers", "0");
    assertEquals(0, run.exitCode(), run.err());
    List<String> csv = Files.readAllLines(dir.resolve("d0/samples.csv"));
    assertEquals("x0,x1,radius2,chi2,weight,logLikelihood", csv.get(0));
    double mean = 0.0;
    for (String line : csv.subList(1, csv.size())) {
      double[] row = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
      assertEquals(row[0] * row[0] + row[1] * row[1], row[2], 1e-12 * (1 + row[2]), line);
      assertEquals(row[2], row[3], 1e-9 * (1 + row[2]), "sigma = 1, no correlation: chi2 = radius2; " + line);
      mean += row[4] * row[2];
    }
    JsonNode summary = summary(dir.resolve("d0"));
    assertEquals(List.of("radius2", "chi2"), texts(summary.get("derivedNames")));
    assertEquals(mean, summary.get("derivedMean").get(0).asDouble(), 1e-9 * mean);
    Outcome local = runSmall("gaussian", dir.resolve("d2"), "--param", "dim=2", "--param", "derived=true",
        "--workers", "2");
    assertEquals(0, local.exitCode(), local.err());
    assertEquals(Files.readString(dir.resolve("d0/samples.csv")), Files.readString(dir.resolve("d2/samples.csv")));
  }

  @Test
  void sameSeedGivesTheSameSummaryApartFromWallTime() throws IOException {
    assertEquals(0, runSmall(GAUSSIAN, dir.resolve("a"), "--seed", "11", "--workers", "0").exitCode());
    assertEquals(0, runSmall(GAUSSIAN, dir.resolve("b"), "--seed", "11", "--workers", "0").exitCode());
    assertEquals(0, runSmall(GAUSSIAN, dir.resolve("c"), "--seed", "12", "--workers", "0").exitCode());
    assertEquals(linesWithoutWallTime(dir.resolve("a")), linesWithoutWallTime(dir.resolve("b")));
    assertNotEquals(linesWithoutWallTime(dir.resolve("a")), linesWithoutWallTime(dir.resolve("c")));
    assertEquals(Files.readString(dir.resolve("a/samples.csv")), Files.readString(dir.resolve("b/samples.csv")));
  }

  /** Local mode with several worker counts writes the sequential run's samples and evidence. */
  @Test
  void workersGiveTheSequentialResult() throws IOException {
    assertEquals(0, runSmall(GAUSSIAN, dir.resolve("w0"), "--seed", "3", "--workers", "0").exitCode());
    String samples = Files.readString(dir.resolve("w0/samples.csv"));
    JsonNode sequential = summary(dir.resolve("w0"));
    assertEquals("sequential", sequential.get("mode").asText());
    for (String w : List.of("1", "3")) {
      Path out = dir.resolve("w" + w);
      Outcome run = runSmall(GAUSSIAN, out, "--seed", "3", "--workers", w);
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(samples, Files.readString(out.resolve("samples.csv")));
      JsonNode local = summary(out);
      assertEquals("local", local.get("mode").asText());
      assertEquals(Integer.parseInt(w), local.get("workers").asInt());
      assertEquals(sequential.get("logEvidence"), local.get("logEvidence"));
      assertEquals(sequential.get("diagnostics"), local.get("diagnostics"));
      assertEquals(Integer.parseInt(w), local.get("workerStats").size());
      double efficiency = local.get("parallelEfficiency").asDouble();
      assertTrue(efficiency > 0 && efficiency <= 1.0 + 1e-9, "efficiency " + efficiency);
      assertTrue(run.out().contains("parallel eff."), run.out());
    }
  }

  @Test
  void negativeWorkersExitTwo() {
    Outcome run = runSmall(GAUSSIAN, dir.resolve("neg"), "--workers", "-1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--workers"), run.err());
  }

  @Test
  void replicasArePooledAndTheirSpreadIsTheError() throws IOException {
    Path out = dir.resolve("replicas");
    List<String> args = List.of("run", "--config", TestFiles.smallConfig(dir, "squall.sampler.replicas = 3").toString(),
        "--model", GAUSSIAN, "--out", out.toString());
    Outcome run = squall(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("pooled over 3 replicas"), run.out());
    assertTrue(run.out().contains("Student-t, 2 d.o.f."), run.out());
    JsonNode summary = summary(out);
    assertEquals(3, summary.get("replicas").asInt());
    assertEquals(3, summary.at("/settings/replicas").asInt());
    assertEquals("replica-spread", summary.get("logEvidenceErrorMethod").asText());
    assertTrue(summary.get("logEvidenceError").asDouble() > 0);
  }

  /** One MCMC step per dimension and very few particles: few lineages, and the report says so. */
  @Test
  void warningsAreReportedAndWritten() throws IOException {
    Path out = dir.resolve("warned");
    Path config = TestFiles.write(dir, "few.conf", String.join("\n", "squall.sampler {",
        "  active-particles = 8", "  effective-particles = 16", "  total-samples = 64", "  mcmc-steps = 1",
        "  max-mcmc-steps = 1", "}", ""));
    Outcome run = squall("run", "--config", config.toString(), "--model", GAUSSIAN, "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode warnings = summary(out).get("warnings");
    assertTrue(warnings.size() > 0, summary(out).toString());
    assertTrue(warnings.get(0).asText().contains("likely underestimated"), warnings.toString());
    assertTrue(run.out().contains("warning           " + warnings.get(0).asText()), run.out());
  }

  @Test
  void builtInModelRuns() throws IOException {
    Path out = dir.resolve("builtin");
    Outcome run = runSmall("gaussian", out, "--param", "dim=2");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("gaussian", summary(out).at("/model/name").asText());
    assertEquals(2, summary(out).get("parameterNames").size());
  }

  @Test
  void nanLikelihoodFailsWithExitOneNamingThePoint() {
    Outcome run = runSmall(TestModels.NanModel.class.getName(), dir.resolve("nan"));
    assertEquals(1, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("squall: error: log-likelihood is NaN at theta = {x0="), line);
    assertFalse(Files.exists(dir.resolve("nan/summary.json")));
  }

  @Test
  void verboseAddsTheStackTrace() {
    Outcome run = runSmall(TestModels.NanModel.class.getName(), dir.resolve("nan"), "--verbose");
    assertEquals(1, run.exitCode());
    assertTrue(run.errLines().size() > 2, run.err());
    assertTrue(run.err().contains("at io.squall.sampler."), run.err());
  }

  @Test
  void unknownModelIsOneLineAndExitTwo() {
    Outcome run = squall("run", "--model", "foo", "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertEquals(List.of("squall: error: unknown model 'foo': not a built-in model (gaussian, shells, "
        + "eggbox, rosenbrock, nbody) and no class of that name on the classpath"), run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void settingsProblemsArePrintedOnePerLine() {
    Path file = TestFiles.write(dir, "bad.conf",
        "squall.sampler.activ-particles = 5\nsquall.sampler.total-samples = -1\n");
    Outcome run = squall("run", "--config", file.toString());
    assertEquals(2, run.exitCode());
    assertEquals(List.of("squall: error: 2 problems:",
        "  - unknown setting 'squall.sampler.activ-particles' in " + file
            + "; did you mean 'squall.sampler.active-particles'?",
        "  - squall.sampler.total-samples must be a positive integer, got -1"), run.errLines());
  }

  @Test
  void negativeParticleCountExitsTwo() {
    Path file = TestFiles.write(dir, "neg.conf", "squall.sampler.active-particles = -64\n");
    Outcome run = squall("run", "--config", file.toString());
    assertEquals(2, run.exitCode());
    assertEquals(List.of("squall: error: squall.sampler.active-particles must be a positive integer, got -64"),
        run.errLines());
  }

  @Test
  void badParamSyntaxExitsTwo() {
    Outcome run = squall("run", "--param", "dim10");
    assertEquals(2, run.exitCode());
    assertEquals(List.of("squall: error: --param 'dim10' must look like key=value"), run.errLines());
  }

  @Test
  void unreadableConfigExitsTwo() {
    Outcome run = squall("run", "--config", dir.resolve("missing.conf").toString());
    assertEquals(2, run.exitCode());
    assertEquals(List.of("squall: error: cannot read config file '" + dir.resolve("missing.conf")
        + "': no such file"), run.errLines());
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    Outcome unknownOption = squall("run", "--sed", "3");
    assertEquals(2, unknownOption.exitCode());
    assertEquals(1, unknownOption.errLines().size(), unknownOption.err());
    assertTrue(unknownOption.err().startsWith("squall: error: Unknown option"), unknownOption.err());
    assertTrue(unknownOption.err().contains("--seed"), unknownOption.err());
    Outcome badSeed = squall("run", "--seed", "abc");
    assertEquals(2, badSeed.exitCode());
    assertEquals(1, badSeed.errLines().size(), badSeed.err());
    Outcome noCommand = squall();
    assertEquals(2, noCommand.exitCode());
    assertEquals(1, noCommand.errLines().size(), noCommand.err());
  }

  @Test
  void helpDescribesEveryOption() {
    Outcome top = squall("--help");
    assertEquals(0, top.exitCode());
    assertTrue(top.out().contains("run"), top.out());
    Outcome run = squall("run", "--help");
    assertEquals(0, run.exitCode());
    for (String option : List.of("--config", "--model", "--param", "--seed", "--out", "--verbose", "--help")) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("gaussian, shells, eggbox, rosenbrock"), run.out());
  }

  @Test
  void versionIsPrinted() {
    Outcome version = squall("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("squall "), version.out());
  }

  /** The bytes of summary.json as text, its one wallSeconds line removed. */
  private static String linesWithoutWallTime(Path out) throws IOException {
    String text = Files.readString(out.resolve("summary.json"));
    String stripped = text.replaceAll("(?m)^  \"wallSeconds\": .*\n", "");
    assertTrue(stripped.length() < text.length(), "no wallSeconds line in " + text);
    return stripped;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
