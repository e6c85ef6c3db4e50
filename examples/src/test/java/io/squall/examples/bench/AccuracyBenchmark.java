package io.squall.examples.bench;

import io.squall.examples.ExampleModels;
import io.squall.sampler.EvidenceReport;
import io.squall.sampler.Model;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Accuracy and calibration of log Ẑ and logEvidenceError over many seeds on the reference problems
 * (a benchmark, not a test; see docs/accuracy.md and bench/accuracy.sh).
 *
 * <pre>
 * AccuracyBenchmark [--seeds S] [--first F] [--threads N] [--problems a,b] [--csv FILE]
 *                   [--replicas R] [--active-particles N] [--effective-particles N]
 *                   [--total-samples N] [--mcmc-steps N] [--max-mcmc-steps N] [--kernel PCN|RANDOM_WALK]
 * </pre>
 *
 * Runs seeds F … F+S−1 of each problem with default settings (except those given) and prints, per
 * problem, with e = log Ẑ − log Z and z = e/σ̂: the bias ē ± sd(e)/√S of the persistent and of the
 * re-solved (shipped) estimate, sd(e), rms σ̂, the scale sd(e)/rms σ̂, the coverage of the nominal
 * 68.3 % and 95.4 % intervals (normal quantiles for one run, Student-t with R−1 degrees of freedom
 * for replicas) with the ±2 s.e. binomial band, the share of runs above the truth, the median
 * K_eff and σ̂_lineage/σ̂_stratified, the share of runs that warned, and the seed-averaged
 * posterior std per coordinate against the truth ({@link #trueStd}). A cell with
 * |ē| &gt; 0.25·rms σ̂ is "biased" and not judged on coverage (design note evidence.md).
 */
public final class AccuracyBenchmark {
  static final Map<String, String[]> PROBLEMS = problems();

  /** One run's numbers. */
  record Run(String problem, long seed, double errorPersistent, double errorResolved, double sigma,
      double sigmaPersistent, double factor68, double factor95, double effectiveLineages, double ratio,
      int warnings, long calls, double seconds, double[] std) {}

  /**
   * The true posterior std per coordinate where it is known (NaN elsewhere): 1 on gauss-10 and
   * corr-20 (σ = 1, the ±10 box holds all the mass); shells-2 3.777 and 1.420, eggbox-2 9.399 and
   * 9.399 (2-D quadrature, {@code MultimodalStatisticalTest}); rosenbrock-10 0.703 for
   * θ₀, θ₂, … and 1.563 for θ₁, θ₃, … (five identical pairs; design note persistent-sampling.md).
   */
  static double[] trueStd(String problem, int dim) {
    double[] out = new double[dim];
    Arrays.fill(out, Double.NaN);
    switch (problem) {
      case "gauss-10", "corr-20" -> Arrays.fill(out, 1.0);
      case "shells-2" -> {
        out[0] = 3.777;
        out[1] = 1.420;
      }
      case "eggbox-2" -> Arrays.fill(out, 9.399);
      case "rosenbrock-10" -> {
        for (int j = 0; j < dim; j++) {
          out[j] = j % 2 == 0 ? 0.703 : 1.563;
        }
      }
      default -> { }
    }
    return out;
  }

  private AccuracyBenchmark() {}

  private static Map<String, String[]> problems() {
    Map<String, String[]> out = new LinkedHashMap<>();
    out.put("gauss-10", new String[] {"gaussian", "dim", "10"});
    out.put("corr-20", new String[] {"gaussian", "dim", "20", "correlation", "0.9"});
    out.put("shells-2", new String[] {"shells"});
    out.put("eggbox-2", new String[] {"eggbox"});
    out.put("rosenbrock-10", new String[] {"rosenbrock", "dim", "10"});
    return out;
  }

  static Model model(String problem) {
    String[] spec = PROBLEMS.get(problem);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i + 1 < spec.length; i += 2) {
      params.put(spec[i], spec[i + 1]);
    }
    return ExampleModels.create(spec[0], params);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int seeds = Integer.parseInt(options.getOrDefault("seeds", "20"));
    long first = Long.parseLong(options.getOrDefault("first", "1"));
    SamplerSettings settings = settings(options);
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    List<String> names = List.of(options.getOrDefault("problems", String.join(",", PROBLEMS.keySet())).split(","));
    System.out.printf(Locale.ROOT, "seeds %d..%d, %d threads, settings %s%n%n", first, first + seeds - 1, threads,
        settings.toString().replaceAll(", seed=[-0-9]+", ""));
    List<Run> runs = runAll(names, seeds, first, settings, threads);
    if (options.containsKey("csv")) {
      writeCsv(Path.of(options.get("csv")), runs);
    }
    printTables(names, runs);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return out;
  }

  /** Default settings, with --replicas, --active-particles, --effective-particles, --total-samples,
   * --mcmc-steps, --max-mcmc-steps overriding them. */
  static SamplerSettings settings(Map<String, String> options) {
    SamplerSettings d = SamplerSettings.defaults();
    return SamplerSettings.builder()
        .replicas(Integer.parseInt(options.getOrDefault("replicas", "" + d.replicas())))
        .activeParticles(Integer.parseInt(options.getOrDefault("active-particles", "" + d.activeParticles())))
        .effectiveParticles(Integer.parseInt(options.getOrDefault("effective-particles", "" + d.effectiveParticles())))
        .totalSamples(Integer.parseInt(options.getOrDefault("total-samples", "" + d.totalSamples())))
        .mcmcSteps(Integer.parseInt(options.getOrDefault("mcmc-steps", "" + d.mcmcSteps())))
        .maxMcmcSteps(Integer.parseInt(options.getOrDefault("max-mcmc-steps", "" + d.maxMcmcSteps())))
        .kernel(io.squall.sampler.Kernel.valueOf(options.getOrDefault("kernel", d.kernel().name())))
        .build();
  }

  static List<Run> runAll(List<String> names, int seeds, long first, SamplerSettings settings, int threads)
      throws InterruptedException, ExecutionException {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (String name : names) {
        Model model = model(name);
        for (long seed = first; seed < first + seeds; seed++) {
          long s = seed;
          futures.add(executor.submit(() -> run(name, model, settings.toBuilder().seed(s).build())));
        }
      }
      List<Run> runs = new ArrayList<>();
      for (Future<Run> f : futures) {
        runs.add(f.get());
      }
      return runs;
    } finally {
      executor.shutdown();
    }
  }

  static Run run(String problem, Model model, SamplerSettings settings) {
    long seed = settings.seed();
    long start = System.nanoTime();
    SamplerResult r = SequentialDriver.run(model, settings);
    double seconds = (System.nanoTime() - start) / 1e9;
    double truth = model.knownLogEvidence().getAsDouble();
    EvidenceReport e = r.evidence();
    return new Run(problem, seed, e.logEvidencePersistent() - truth, e.logEvidenceResolved() - truth,
        e.logEvidenceError(), e.logEvidenceErrorPersistent(), e.halfWidth(0.6827) / e.logEvidenceError(),
        e.halfWidth(0.9545) / e.logEvidenceError(), e.effectiveLineages(), e.dependenceRatio(),
        e.warnings().size(), r.likelihoodCalls(), seconds, r.posteriorStd());
  }

  private static void writeCsv(Path path, List<Run> runs) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(path))) {
      out.println("problem,seed,errorPersistent,errorResolved,sigma,sigmaPersistent,factor68,factor95,"
          + "effectiveLineages,ratio,warnings,calls,seconds,std");
      for (Run r : runs) {
        out.printf(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%.2f,%.4f,%d,%d,%.3f,%s%n", r.problem(), r.seed(),
            r.errorPersistent(), r.errorResolved(), r.sigma(), r.sigmaPersistent(), r.factor68(), r.factor95(),
            r.effectiveLineages(), r.ratio(), r.warnings(), r.calls(), r.seconds(),
            Arrays.stream(r.std()).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                .collect(java.util.stream.Collectors.joining(" ")));
      }
    }
  }

  private static void printTables(List<String> names, List<Run> runs) {
    System.out.println("Bias (e = log Ẑ − log Z), before (persistent) and after (re-solved, shipped):");
    System.out.println();
    System.out.println("| problem | S | persistent ē ± s.e. | sd(e) | re-solved ē ± s.e. | sd(e) | mean calls | s/run |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String name : names) {
      List<Run> rs = runs.stream().filter(r -> r.problem().equals(name)).toList();
      double[] ep = rs.stream().mapToDouble(Run::errorPersistent).toArray();
      double[] er = rs.stream().mapToDouble(Run::errorResolved).toArray();
      System.out.printf(Locale.ROOT, "| %s | %d | %+.3f ± %.3f | %.3f | %+.3f ± %.3f | %.3f | %.0f | %.2f |%n", name,
          rs.size(), mean(ep), sd(ep) / Math.sqrt(ep.length), sd(ep), mean(er), sd(er) / Math.sqrt(er.length), sd(er),
          rs.stream().mapToLong(Run::calls).average().orElse(0), rs.stream().mapToDouble(Run::seconds).average().orElse(0));
    }
    System.out.println();
    System.out.println("Posterior std against the truth (seed-averaged std per coordinate / true std − 1; "
        + "worst coordinate, and the range over coordinates with a known truth):");
    System.out.println();
    System.out.println("| problem | S | worst std error | range | mean calls |");
    System.out.println("|---|---|---|---|---|");
    for (String name : names) {
      List<Run> rs = runs.stream().filter(r -> r.problem().equals(name)).toList();
      double[] rel = stdErrors(name, rs);
      double worst = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : rel) {
        if (!Double.isNaN(v)) {
          worst = Math.abs(v) > Math.abs(worst) ? v : worst;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %+.1f %% | %+.1f … %+.1f %% | %.0f |%n", name, rs.size(), 100 * worst,
          100 * lo, 100 * hi, rs.stream().mapToLong(Run::calls).average().orElse(0));
    }
    System.out.println();
    System.out.println("Calibration of logEvidenceError (shipped: re-solved estimate; persistent for comparison):");
    System.out.println();
    System.out.println("| problem | estimate | rms σ̂ | sd(e)/rms σ̂ | biased? | within 68.3 % [band] | within 95.4 % [band] | above truth | median K_eff | median ratio | warned |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String name : names) {
      List<Run> rs = runs.stream().filter(r -> r.problem().equals(name)).toList();
      calibrationRow(name, "re-solved", rs, Run::errorResolved, Run::sigma);
      calibrationRow(name, "persistent", rs, Run::errorPersistent, Run::sigmaPersistent);
    }
  }

  private static void calibrationRow(String name, String label, List<Run> rs,
      java.util.function.ToDoubleFunction<Run> error, java.util.function.ToDoubleFunction<Run> sigma) {
    int n = rs.size();
    double[] e = rs.stream().mapToDouble(error).toArray();
    double[] s = rs.stream().mapToDouble(sigma).toArray();
    double rms = Math.sqrt(Arrays.stream(s).map(x -> x * x).average().orElse(Double.NaN));
    int in1 = 0;
    int in2 = 0;
    int above = 0;
    for (int i = 0; i < n; i++) {
      Run r = rs.get(i);
      in1 += Math.abs(e[i]) < r.factor68() * s[i] ? 1 : 0;
      in2 += Math.abs(e[i]) < r.factor95() * s[i] ? 1 : 0;
      above += e[i] > 0 ? 1 : 0;
    }
    boolean biased = Math.abs(mean(e)) > 0.25 * rms;
    System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.2f | %s | %s | %s | %.0f %% | %.0f | %.2f | %.0f %% |%n", name,
        label, rms, sd(e) / rms, biased ? "biased" : "no", coverage(in1, n, 0.6827), coverage(in2, n, 0.9545),
        100.0 * above / n, median(rs.stream().mapToDouble(Run::effectiveLineages).toArray()),
        median(rs.stream().mapToDouble(Run::ratio).toArray()),
        100.0 * rs.stream().filter(r -> r.warnings() > 0).count() / n);
  }

  /** Per coordinate: (mean over the runs of the posterior std) / true std − 1, NaN without a truth. */
  static double[] stdErrors(String problem, List<Run> rs) {
    int dim = rs.get(0).std().length;
    double[] truth = trueStd(problem, dim);
    double[] out = new double[dim];
    for (int j = 0; j < dim; j++) {
      int k = j;
      out[j] = rs.stream().mapToDouble(r -> r.std()[k]).average().orElse(Double.NaN) / truth[j] - 1;
    }
    return out;
  }

  private static String coverage(int hits, int n, double p) {
    double band = 2 * Math.sqrt(p * (1 - p) / n);
    return String.format(Locale.ROOT, "%.0f %% [%.0f–%.0f]", 100.0 * hits / n, 100 * Math.max(0, p - band),
        100 * Math.min(1, p + band));
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(Double.NaN);
  }

  static double sd(double[] x) {
    double m = mean(x);
    return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
  }

  static double median(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
