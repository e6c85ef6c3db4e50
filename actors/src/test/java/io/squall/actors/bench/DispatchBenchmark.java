package io.squall.actors.bench;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.squall.actors.BatchSource;
import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.Model;
import io.squall.sampler.Request;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The synthetic workload of {@code shared/baselines} (workload.py) through local mode's dispatch
 * machinery: a point is D = 16 normal values plus a cost column; the likelihood busy-waits on
 * thread CPU time for the summed cost of its task and returns −½Σx². Costs are all t, or
 * log-normal (σ = 0.5) with mean t. Prints one JSON line per run in the baselines' schema
 * (efficiency = Σcost / (W · wall), overhead per evaluation and per message, wall / greedy
 * list-scheduling makespan), so {@code bench/compare.py} can put both side by side.
 *
 * <p>Not a test: run it through {@code bench/run.sh}. Arguments: {@code [ideal seconds per run]
 * [output.jsonl] [repeats]}; {@code -Dbench.only=REGEX} selects cases by "mech W t sigma",
 * {@code -Dbench.credits=N} changes the credits, other {@code -D} keys override the configuration. Each run hands the master one untimed calibration batch (so automatic task
 * sizing has a measured cost per point, as in a real run from its second batch on) and then the
 * timed batch of n = ideal · W / t points, as one stream like the baselines.
 */
public final class DispatchBenchmark {
  private static final int DIM = 16;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DispatchBenchmark() {}

  /** One configuration of the matrix. */
  record Case(String mech, double t, double sigma, int workers, int n, int pointsPerTask) {}

  public static void main(String[] args) throws Exception {
    double ideal = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Path out = args.length > 1 ? Path.of(args[1]) : null;
    Config config = ConfigFactory.systemProperties()
        .withFallback(ConfigFactory.parseString("pekko.actor.serialize-messages = off\npekko.loglevel = WARNING"))
        .withFallback(ConfigFactory.defaultReference()).resolve();
    String only = System.getProperty("bench.only", "");
    warmUp(config);
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    List<String> lines = new ArrayList<>();
    for (int rep = 1; rep <= reps; rep++) {
      for (Case c : matrix(ideal)) {
        if (!only.isEmpty() && !(c.mech() + " " + c.workers() + " " + c.t() + " " + c.sigma()).matches(only)) {
          continue;
        }
        String line = runCase(c, config, rep);
        System.out.println(line);
        lines.add(line);
        if (out != null) {
          Files.write(out, lines);
        }
      }
    }
  }

  static List<Case> matrix(double ideal) {
    List<Case> cases = new ArrayList<>();
    for (int w = 1; w <= 2; w++) {
      cases.add(new Case("squall-auto", 0, 0, w, (int) (4_000_000 * ideal), 0));
      cases.add(new Case("squall-1pt", 0, 0, w, (int) (400_000 * ideal), 1));
    }
    for (double t : new double[] {1e-4, 1e-3, 1e-2}) {
      for (double sigma : new double[] {0, 0.5}) {
        for (int w = 1; w <= 2; w++) {
          int n = (int) Math.round(ideal * w / t);
          cases.add(new Case("squall-auto", t, sigma, w, n, 0));
          cases.add(new Case("squall-1pt", t, sigma, w, n, 1));
        }
      }
    }
    return cases;
  }

  private static void warmUp(Config config) {
    for (int i = 0; i < 3; i++) {
      run(new Case("warm-up", 0, 0, 2, 200_000, 0), config);
      run(new Case("warm-up", 0, 0, 2, 20_000, 1), config);
      run(new Case("warm-up", 1e-4, 0.5, 2, 2_000, 0), config);
    }
  }

  /** Runs one case after waiting for a quiet machine; the JSON line of its numbers. */
  static String runCase(Case c, Config config, int rep) throws IOException, InterruptedException {
    double waited = Load.waitForQuiet(0.15, 20);
    Load.Sample before = Load.sample();
    Measured m = run(c, config);
    Load.Sample after = Load.sample();
    double bg = Load.foreignCores(before, after);
    return json(c, m, bg, waited, rep);
  }

  /** What one run measured. */
  record Measured(double wall, long tasks, double[] costs, double efficiencyReported) {}

  static Measured run(Case c, Config config) {
    Random random = new Random(12345L + c.n() + Math.round(c.t() * 1e7) + Math.round(c.sigma() * 10));
    double[][] calibration = workload(Math.max(4 * c.workers(), c.n() / 10), c.t(), c.sigma(), random);
    double[][] timed = workload(c.n(), c.t(), c.sigma(), random);
    AtomicLong tasks = new AtomicLong();
    BenchSource source = new BenchSource(calibration, timed);
    Model model = new SpinModel(source, tasks);
    LocalOptions options = LocalOptions.builder().workers(c.workers()).pointsPerTask(c.pointsPerTask())
        .maxTasksPerWorker(Integer.getInteger("bench.credits", LocalOptions.DEFAULT_MAX_TASKS_PER_WORKER)).build();
    RunResult result = LocalMode.run(source, model, options, config);
    double[] costs = new double[timed.length];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = timed[i][DIM];
    }
    return new Measured((source.end - source.start) * 1e-9, tasks.get(), costs, result.stats().parallelEfficiency());
  }

  /** n rows of 16 standard normals and a cost (seconds): t, or log-normal with mean t. */
  static double[][] workload(int n, double t, double sigma, Random random) {
    double[][] rows = new double[n][DIM + 1];
    for (double[] row : rows) {
      for (int j = 0; j < DIM; j++) {
        row[j] = random.nextGaussian();
      }
      row[DIM] = t > 0 && sigma > 0 ? t * Math.exp(sigma * random.nextGaussian() - 0.5 * sigma * sigma) : t;
    }
    return rows;
  }

  /** Graham list scheduling with zero overhead: points in order to the first free worker. */
  static double greedyMakespan(double[] costs, int workers) {
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int w = 0; w < workers; w++) {
      free.add(0.0);
    }
    for (double c : costs) {
      free.add(free.poll() + c);
    }
    double max = 0;
    for (double f : free) {
      max = Math.max(max, f);
    }
    return max;
  }

  private static String json(Case c, Measured m, double bg, double waited, int rep) {
    double sum = 0;
    double max = 0;
    for (double cost : m.costs()) {
      sum += cost;
      max = Math.max(max, cost);
    }
    double ideal = sum / c.workers();
    int n = c.n();
    StringBuilder sb = new StringBuilder("{");
    field(sb, "mech", "\"" + c.mech() + "\"");
    field(sb, "clock", "\"cpu\"");
    field(sb, "W", c.workers());
    field(sb, "B", c.pointsPerTask() > 0 ? c.pointsPerTask() : Math.round((double) n / Math.max(1, m.tasks())));
    field(sb, "n", n);
    field(sb, "n_msgs", m.tasks());
    field(sb, "dim", DIM);
    field(sb, "t", n > 0 ? sum / n : 0.0);
    field(sb, "t_nom", c.t());
    field(sb, "sigma", c.sigma());
    field(sb, "wall", m.wall());
    field(sb, "ideal", ideal);
    field(sb, "evals_per_s", n / m.wall());
    field(sb, "tasks_per_s", m.tasks() / m.wall());
    field(sb, "ovh_per_eval_us", (m.wall() - ideal) / n * 1e6);
    field(sb, "ovh_per_msg_us", (m.wall() - ideal) / Math.max(1, m.tasks()) * 1e6);
    field(sb, "eff", ideal > 0 ? ideal / m.wall() : null);
    field(sb, "max_cost", max);
    field(sb, "busy_eff_reported", m.efficiencyReported());
    if (ideal > 0) {
      double greedy = greedyMakespan(m.costs(), c.workers());
      field(sb, "greedy", greedy);
      field(sb, "wall_over_greedy", m.wall() / greedy);
    }
    field(sb, "bg_during", bg);
    field(sb, "waited", waited);
    field(sb, "rep", rep);
    sb.setLength(sb.length() - 2);
    return sb.append('}').toString();
  }

  private static void field(StringBuilder sb, String name, Object value) {
    String text = value instanceof Double d
        ? (d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", d))
        : String.valueOf(value);
    sb.append('"').append(name).append("\": ").append(text).append(", ");
  }

  /** One untimed calibration batch, then the timed batch; records when the timed one starts and ends. */
  static final class BenchSource implements BatchSource {
    private final double[][][] batches;
    private int next;
    private Batch pending;
    volatile boolean timing;
    long start;
    long end;

    BenchSource(double[][] calibration, double[][] timed) {
      this.batches = new double[][][] {calibration, timed};
    }

    @Override
    public Request next() {
      if (pending == null && next < batches.length) {
        pending = new Batch(next + 1, next, 0, batches[next]);
        if (++next == batches.length) {
          timing = true;
          start = System.nanoTime();
        }
      }
      return pending != null ? pending : new Finished(null);
    }

    @Override
    public void tell(long batchId, Evaluation evaluation) {
      if (batchId == batches.length) {
        end = System.nanoTime();
      }
      pending = null;
    }

    @Override
    public String describe(double[] unitPoint) {
      return "{cost=" + unitPoint[DIM] + "}";
    }
  }

  /** workload.py's loglike_batch: spin on thread CPU time for the task's summed cost, then −½Σx². */
  static final class SpinModel implements Model {
    private final BenchSource source;
    private final AtomicLong tasks;

    SpinModel(BenchSource source, AtomicLong tasks) {
      this.source = source;
      this.tasks = tasks;
    }

    @Override
    public int dimension() {
      return DIM + 1;
    }

    @Override
    public double[] theta(double[] unitCube) {
      return unitCube;
    }

    @Override
    public double[] logLikelihoods(double[][] thetas) {
      return logLikelihoodsOfUnitCube(thetas);
    }

    @Override
    public double[] logLikelihoodsOfUnitCube(double[][] points) {
      if (source.timing) {
        tasks.incrementAndGet();
      }
      double cost = 0;
      for (double[] p : points) {
        cost += p[DIM];
      }
      spin(cost);
      double[] out = new double[points.length];
      for (int i = 0; i < points.length; i++) {
        double s = 0;
        for (int j = 0; j < DIM; j++) {
          s += points[i][j] * points[i][j];
        }
        out[i] = -0.5 * s;
      }
      return out;
    }

    private static void spin(double seconds) {
      if (seconds > 0) {
        long end = THREADS.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        while (THREADS.getCurrentThreadCpuTime() < end) {
          Thread.onSpinWait();
        }
      }
    }
  }

  /** Foreign CPU load, as runone.py measures it: machine busy time minus this process's CPU time. */
  static final class Load {
    record Sample(long wallNanos, double machineBusy, double processCpu) {}

    private static final OperatingSystemMXBean OS =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final double HZ = 100.0;

    static Sample sample() throws IOException {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return new Sample(System.nanoTime(), busy / HZ, OS.getProcessCpuTime() * 1e-9);
    }

    static double foreignCores(Sample a, Sample b) {
      double wall = (b.wallNanos() - a.wallNanos()) * 1e-9;
      return Math.max(0, ((b.machineBusy() - a.machineBusy()) - (b.processCpu() - a.processCpu())) / wall);
    }

    /** Waits (at most maxSeconds) until other processes use less than {@code cores}; seconds waited. */
    static double waitForQuiet(double cores, double maxSeconds) throws IOException, InterruptedException {
      long start = System.nanoTime();
      while ((System.nanoTime() - start) * 1e-9 < maxSeconds) {
        Sample a = sample();
        Thread.sleep(500);
        if (foreignCores(a, sample()) < cores) {
          break;
        }
      }
      return (System.nanoTime() - start) * 1e-9;
    }
  }
}
