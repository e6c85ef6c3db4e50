package io.squall.sampler;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.special.Erf;

/**
 * The funnel measurements of docs/accuracy.md ("Funnels"): two Gaussian means μ₁ = −1, μ₂ = 2
 * (n points each, true scale sTrue, μ ~ U(−5, 5)) and a common scale s with a log-uniform prior
 * [lo, hi]; prints each seed's log Z against the exact value (μ integrals analytic with the box's
 * erf terms, s by the midpoint rule) and the mean error with its standard error. Not a test:
 * {@code java [-Dkernel=RANDOM_WALK] [-Dsteps=1] [-Dmaxsteps=20] [-Dactive=256] [-Deff=768]
 * [-Dclust=true] [-Ddiag=true] -cp <sampler test classpath> io.squall.sampler.FunnelSweep n sTrue
 * seeds lo hi}, e.g. {@code 50 0.05 5 0.01 10}; {@code -Ddiag=true} prints every iteration's
 * log Ẑ(β) beside the exact one.
 */
public final class FunnelSweep {
  private final double[] a;
  private final double[] b;
  private final double low;
  private final double high;

  /** The problem with n points per mean drawn (fixed seed) at scale sTrue, s ~ LogU(low, high). */
  FunnelSweep(int n, double sTrue, double low, double high) {
    Random random = new Random(7);
    a = new double[n];
    b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = -1 + sTrue * random.nextGaussian();
      b[i] = 2 + sTrue * random.nextGaussian();
    }
    this.low = low;
    this.high = high;
  }

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    FunnelSweep problem = new FunnelSweep(n, Double.parseDouble(args[1]), Double.parseDouble(args[3]),
        Double.parseDouble(args[4]));
    int seeds = Integer.parseInt(args[2]);
    double exact = problem.exactLogEvidence(1.0);
    double sum = 0;
    double sum2 = 0;
    for (int seed = 1; seed <= seeds; seed++) {
      SamplerResult result = problem.run(seed);
      if (Boolean.getBoolean("diag")) {
        for (IterationDiagnostics d : result.diagnostics()) {
          System.out.printf(Locale.ROOT, "iteration %d beta %.5g logZ %.3f exact %.3f acceptance %.2f steps %d "
              + "modes %d%n", d.iteration(), d.beta(), d.logEvidence(), problem.exactLogEvidence(d.beta()),
              d.acceptance(), d.steps(), d.modes());
        }
      }
      double error = result.logEvidence() - exact;
      sum += error;
      sum2 += error * error;
      System.out.printf(Locale.ROOT, "seed %d logZ %.3f ± %.3f exact %.3f error %+.3f calls %d%n", seed,
          result.logEvidence(), result.logEvidenceError(), exact, error, result.likelihoodCalls());
    }
    double mean = sum / seeds;
    System.out.printf(Locale.ROOT, "mean error %+.3f ± %.3f%n", mean,
        Math.sqrt((sum2 / seeds - mean * mean) / (seeds - 1)));
  }

  private SamplerResult run(long seed) {
    return builder()
        .seed(seed)
        .activeParticles(Integer.getInteger("active", SamplerSettings.defaults().activeParticles()))
        .effectiveParticles(Integer.getInteger("eff", SamplerSettings.defaults().effectiveParticles()))
        .mcmcSteps(Integer.getInteger("steps", SamplerSettings.defaults().mcmcSteps()))
        .maxMcmcSteps(Integer.getInteger("maxsteps", SamplerSettings.defaults().maxMcmcSteps()))
        .kernel(Kernel.valueOf(System.getProperty("kernel", "PCN")))
        .clustering(Boolean.parseBoolean(System.getProperty("clust", "true")))
        .run();
  }

  /** Prior and likelihood of the problem, with the default settings. */
  Squall.Builder builder() {
    int n = a.length;
    return Squall.sampler()
        .prior(Prior.of(Coordinate.uniform("mu1", -5, 5), Coordinate.uniform("mu2", -5, 5),
            Coordinate.logUniform("s", low, high)))
        .logLikelihood(t -> {
          double chi2 = 0;
          for (int i = 0; i < n; i++) {
            chi2 += (a[i] - t[0]) * (a[i] - t[0]) + (b[i] - t[1]) * (b[i] - t[1]);
          }
          return -0.5 * chi2 / (t[2] * t[2]) - 2 * n * Math.log(t[2]) - n * Math.log(2 * Math.PI);
        });
  }

  /** log Z(β) = log ∫ L^β dprior, exactly in μ and by 200,000 midpoints in the prior coordinate of s. */
  double exactLogEvidence(double beta) {
    if (beta == 0) {
      return 0;
    }
    int nodes = 200_000;
    double la = Math.log(low);
    double lb = Math.log(high);
    double[] f = new double[nodes];
    for (int k = 0; k < nodes; k++) {
      double s = Math.exp(la + (k + 0.5) / nodes * (lb - la));
      f[k] = group(a, s, beta) + group(b, s, beta);
    }
    double max = Arrays.stream(f).max().orElseThrow();
    double total = 0;
    for (double v : f) {
      total += Math.exp(v - max);
    }
    return max + Math.log(total / nodes);
  }

  /** log ∫ (Π N(x_i; μ, s))^β dμ/10 over μ ∈ [−5, 5]. */
  private static double group(double[] x, double s, double beta) {
    int n = x.length;
    double mean = Arrays.stream(x).average().orElseThrow();
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double w = s / Math.sqrt(beta * n);
    double box = 0.5 * Erf.erf((-5 - mean) / (w * Math.sqrt(2)), (5 - mean) / (w * Math.sqrt(2)));
    return beta * (-0.5 * ss / (s * s) - n * Math.log(s) - 0.5 * n * Math.log(2 * Math.PI))
        + Math.log(Math.sqrt(2 * Math.PI) * w * box / 10.0);
  }
}
