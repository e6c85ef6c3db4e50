package io.squall.examples;

import io.squall.sampler.IterationDiagnostics;
import io.squall.sampler.Model;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.util.Map;

/**
 * Seed sweep over the reference problems, used to measure the spreads behind the statistical
 * tests' tolerances and the before/after tables:
 *
 * <pre>
 * java -cp sampler/target/classes:examples/target/classes:examples/target/test-classes:CP \
 *     io.squall.examples.ReferenceSweep PROBLEM FIRST_SEED SEEDS [clustering=false]
 * </pre>
 *
 * PROBLEM is one of gauss-10, corr-20, shells-2, eggbox-2, rosenbrock-10. Prints one line per seed
 * (log Z error, posterior std of the first two coordinates, mean of the first, likelihood calls,
 * largest number of modes in any iteration) and a summary line (mean and sd over the seeds).
 */
public final class ReferenceSweep {
  private ReferenceSweep() {}

  /** The model of a reference problem's name. */
  static Model problem(String name) {
    return switch (name) {
      case "gauss-10" -> ExampleModels.create("gaussian", Map.of("dim", "10"));
      case "corr-20" -> ExampleModels.create("gaussian", Map.of("dim", "20", "correlation", "0.9"));
      case "shells-2" -> ExampleModels.create("shells", Map.of());
      case "eggbox-2" -> ExampleModels.create("eggbox", Map.of());
      case "rosenbrock-10" -> ExampleModels.create("rosenbrock", Map.of("dim", "10"));
      default -> throw new IllegalArgumentException("unknown problem " + name);
    };
  }

  public static void main(String[] args) {
    String name = args[0];
    long first = Long.parseLong(args[1]);
    int seeds = Integer.parseInt(args[2]);
    boolean clustering = !(args.length > 3 && args[3].equals("clustering=false"));
    Model model = problem(name);
    double truth = model.knownLogEvidence().orElseThrow();
    double[][] values = new double[seeds][];
    for (int k = 0; k < seeds; k++) {
      long seed = first + k;
      long start = System.nanoTime();
      SamplerSettings settings = SamplerSettings.builder().seed(seed).clustering(clustering).build();
      SamplerResult r = SequentialDriver.run(model, settings);
      double wall = (System.nanoTime() - start) / 1e9;
      int modes = r.diagnostics().stream().mapToInt(IterationDiagnostics::modes).max().orElse(0);
      double[] std = r.posteriorStd();
      values[k] = new double[] {r.logEvidence() - truth, std[0], std[1], r.posteriorMean()[0],
          r.likelihoodCalls(), modes};
      System.out.printf("%s seed %d error %+.4f std %.4f %.4f mean0 %.4f calls %d modes %d wall %.1f%n",
          name, seed, values[k][0], std[0], std[1], values[k][3], r.likelihoodCalls(), modes, wall);
    }
    System.out.printf("%s seeds %d..%d: error mean %+.4f sd %.4f | std0 mean %.4f sd %.4f | std1 mean %.4f sd %.4f"
        + " | mean0 %.4f | calls %.0f%n", name, first, first + seeds - 1, mean(values, 0), sd(values, 0),
        mean(values, 1), sd(values, 1), mean(values, 2), sd(values, 2), mean(values, 3), mean(values, 4));
  }

  static double mean(double[][] values, int column) {
    double sum = 0;
    for (double[] row : values) {
      sum += row[column];
    }
    return sum / values.length;
  }

  static double sd(double[][] values, int column) {
    double m = mean(values, column);
    double sum = 0;
    for (double[] row : values) {
      sum += (row[column] - m) * (row[column] - m);
    }
    return values.length > 1 ? Math.sqrt(sum / (values.length - 1)) : Double.NaN;
  }
}
