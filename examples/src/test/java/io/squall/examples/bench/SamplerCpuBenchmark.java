package io.squall.examples.bench;

import io.squall.examples.ExampleModels;
import io.squall.sampler.Batch;
import io.squall.sampler.Finished;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.Request;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampler's own CPU time (a benchmark, not a test; see docs/accuracy.md): drives a
 * {@link PersistentSampler} by hand on gauss-10 and charges the thread CPU of {@code next()} and
 * {@code tell()} to the sampler and that of the likelihood evaluations (θ(u) and log L, essentially
 * instant here) to the model.
 *
 * <pre>
 * SamplerCpuBenchmark [--seeds S] [--total-samples N,N,...] [--active-particles N]
 * </pre>
 *
 * Prints per run: calls, iterations, pool size, likelihood CPU, sampler CPU split into the
 * iterations and the end-of-run analysis (joint re-solve + lineage bootstrap), and the sampler CPU
 * per iteration in the first and last quarter of the iterations (it grows with the pool size N, not
 * with iterations × N). Two warm-up runs come first (JIT).
 */
public final class SamplerCpuBenchmark {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** One run's CPU account, in seconds. */
  record Account(SamplerResult result, double likelihood, double iterations, double analysis,
      double[] perIteration) {}

  private SamplerCpuBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int seeds = Integer.parseInt(options.getOrDefault("seeds", "5"));
    int active = Integer.parseInt(options.getOrDefault("active-particles", "256"));
    List<Integer> totals = Arrays.stream(options.getOrDefault("total-samples", "4096").split(","))
        .map(Integer::parseInt).toList();
    Model model = ExampleModels.create("gaussian", Map.of("dim", "10"));
    for (int seed = 1; seed <= 2; seed++) {
      account(model, SamplerSettings.builder().seed(1000 + seed).build());
    }
    System.out.println("| total-samples | seed | calls | iterations | pool | likelihood CPU s | sampler CPU s "
        + "| of which end-of-run analysis s | ms/iteration first quarter | last quarter |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int total : totals) {
      for (int seed = 1; seed <= seeds; seed++) {
        Account a = account(model, SamplerSettings.builder().seed(seed).totalSamples(total)
            .activeParticles(active).build());
        double[] per = a.perIteration();
        int q = Math.max(1, per.length / 4);
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.1f | %.1f |%n", total, seed,
            a.result().likelihoodCalls(), a.result().iterations(), a.result().posterior().size(), a.likelihood(),
            a.iterations() + a.analysis(), a.analysis(), 1e3 * mean(per, 0, q), 1e3 * mean(per, per.length - q, per.length));
      }
    }
  }

  static Account account(Model model, SamplerSettings settings) {
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    long likelihood = 0;
    long own = 0;
    double[] perIteration = new double[0];
    while (true) {
      long t0 = CPU.getCurrentThreadCpuTime();
      Request request = sampler.next();
      long t1 = CPU.getCurrentThreadCpuTime();
      if (request instanceof Finished finished) {
        return new Account(finished.result(), likelihood / 1e9, own / 1e9, (t1 - t0) / 1e9, perIteration);
      }
      Batch batch = (Batch) request;
      double[] values = model.logLikelihoodsOfUnitCube(batch.unitPoints());
      long t2 = CPU.getCurrentThreadCpuTime();
      sampler.tell(batch.id(), values);
      long t3 = CPU.getCurrentThreadCpuTime();
      likelihood += t2 - t1;
      own += (t1 - t0) + (t3 - t2);
      if (perIteration.length <= batch.iteration()) {
        perIteration = Arrays.copyOf(perIteration, batch.iteration() + 1);
      }
      perIteration[batch.iteration()] += ((t1 - t0) + (t3 - t2)) / 1e9;
    }
  }

  private static double mean(double[] x, int from, int to) {
    double sum = 0.0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return sum / (to - from);
  }
}
