package io.squall.sampler;

/**
 * Seed sweep used to derive test tolerances: {@code java -cp ... io.squall.sampler.Sweep d rho seeds mcmcSteps}.
 * Prints the mean, standard deviation and each run's log Z error.
 */
public final class Sweep {
  public static void main(String[] args) {
    int d = Integer.parseInt(args[0]);
    double rho = Double.parseDouble(args[1]);
    int seeds = Integer.parseInt(args[2]);
    int steps = Integer.parseInt(args[3]);
    Model model = TestModels.gaussian(d, rho);
    double truth = TestModels.gaussianLogEvidence(d);
    double sum = 0;
    double sumSq = 0;
    double stdSum = 0;
    long calls = 0;
    for (int seed = 1; seed <= seeds; seed++) {
      SamplerResult r = SequentialDriver.run(model, SamplerSettings.builder().seed(1000 + seed).mcmcSteps(steps).build());
      double e = r.logEvidence() - truth;
      sum += e;
      sumSq += e * e;
      stdSum += r.posteriorStd()[0];
      calls += r.likelihoodCalls();
      System.out.printf("seed %d error %+.4f std0 %.4f calls %d%n", 1000 + seed, e, r.posteriorStd()[0], r.likelihoodCalls());
    }
    double mean = sum / seeds;
    double sd = Math.sqrt((sumSq - seeds * mean * mean) / (seeds - 1));
    System.out.printf("d=%d rho=%.2f steps=%d: mean error %+.4f sd %.4f mean std0 %.4f mean calls %d%n",
        d, rho, steps, mean, sd, stdSum / seeds, calls / seeds);
  }
}
