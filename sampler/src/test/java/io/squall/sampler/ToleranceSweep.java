package io.squall.sampler;

import java.util.function.ToDoubleFunction;

/**
 * Seed sweep behind the tolerances of {@link StatisticalTest} and {@link ClusteringRunTest} at the
 * default settings: {@code java -cp ... io.squall.sampler.ToleranceSweep [seeds]} runs seeds
 * 1001… of gauss-10, corr-20 and {@link TestModels#twoModes} and prints the mean and sd over the
 * seeds of the log Ẑ error, the posterior std of θ₀ and (twoModes) the weight of the θ₀ &gt; 0 mode.
 */
public final class ToleranceSweep {
  private ToleranceSweep() {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    sweep("gauss-10", TestModels.gaussian(10, 0.0), TestModels.gaussianLogEvidence(10), seeds);
    sweep("corr-20", TestModels.gaussian(20, 0.9), TestModels.gaussianLogEvidence(20), seeds);
    sweep("twoModes", TestModels.twoModes(), -2 * Math.log(20), seeds);
  }

  private static void sweep(String name, Model model, double truth, int seeds) {
    SamplerResult[] runs = new SamplerResult[seeds];
    for (int k = 0; k < seeds; k++) {
      runs[k] = SequentialDriver.run(model, SamplerSettings.builder().seed(1001 + k).build());
    }
    System.out.printf("%s seeds 1001..%d: error %s | std0 %s | second mode %s | mean calls %.0f%n", name,
        1000 + seeds, stats(runs, r -> r.logEvidence() - truth), stats(runs, r -> r.posteriorStd()[0]),
        stats(runs, ClusteringRunTest::shareOfSecondMode),
        java.util.Arrays.stream(runs).mapToLong(SamplerResult::likelihoodCalls).average().orElse(0));
  }

  private static String stats(SamplerResult[] runs, ToDoubleFunction<SamplerResult> f) {
    double[] x = java.util.Arrays.stream(runs).mapToDouble(f).toArray();
    double m = java.util.Arrays.stream(x).average().orElse(Double.NaN);
    double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    return String.format(java.util.Locale.ROOT, "mean %+.4f sd %.4f", m, sd);
  }
}
