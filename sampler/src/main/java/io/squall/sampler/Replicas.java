package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Independent replicas: R runs of the same model with seeds derived from the run seed
 * ({@link RandomStreams#replicaSeeds}), pooled into one estimate whose error comes from their
 * spread — calibrated for variance by construction, at R times the cost (the evidence design note's
 * second-ranked error bar, and the referee of the single-run lineage bootstrap).
 *
 * <p>Pooling: all replicas' particles form one mixture, their iterations merged by β (every
 * replica's β = 0 and β = 1 iterations are one state each), and the normalisers are solved jointly
 * over it ({@link NormaliserSolver}); the pooled log Ẑ is the β = 1 normaliser and the posterior is
 * every replica's particles with their pooled weights. With x_r the estimate of replica r,
 * σ̂ = sd(x_1 … x_R)/√R. Intervals should use Student's t with R − 1 degrees of freedom
 * ({@link EvidenceReport#halfWidth}): at R = 4, ±1σ̂ covers about 61 % and ±2σ̂ about 86 %.
 *
 * <p><b>Consistency check.</b> Each replica also states its own error σ_r (its lineage bootstrap).
 * If those are right, χ² = Σ_r (x_r − x̄)²/σ_r² follows a χ² law with R − 1 degrees of freedom;
 * when its upper tail probability is below {@value #CONSISTENCY_P}, the run warns that log Z and
 * its error are not to be trusted: the MCMC moves do not equilibrate at some temperatures (a
 * funnel-shaped posterior, e.g. a noise scale with a wide log-uniform prior), so every replica
 * misses mass — in its own amount, hence the spread, and in the same direction, so that the
 * replicas' spread does not cover the error either. A calibrated σ_r raises this warning in 1 run
 * in 1,000.
 *
 * <p>The replicas share nothing, so a driver may run them side by side:
 *
 * <pre>{@code
 * List<PersistentSampler> samplers = Replicas.samplers(model, settings);
 * // drive every sampler to Finished, in any order or in parallel
 * SamplerResult pooled = Replicas.combine(settings, samplers);
 * }</pre>
 */
public final class Replicas {
  /** Upper-tail probability of the replicas' χ² below which a run warns (see the class comment). */
  static final double CONSISTENCY_P = 1e-3;

  private Replicas() {}

  /** The settings of the R = {@code settings.replicas()} replicas: derived seeds, replicas = 1. */
  public static List<SamplerSettings> settings(SamplerSettings settings) {
    long[] seeds = RandomStreams.replicaSeeds(settings.seed(), settings.replicas());
    List<SamplerSettings> out = new ArrayList<>();
    for (long seed : seeds) {
      out.add(settings.toBuilder().seed(seed).replicas(1).build());
    }
    return out;
  }

  /** One fresh sampler per replica. */
  public static List<PersistentSampler> samplers(Model model, SamplerSettings settings) {
    return settings(settings).stream().map(s -> PersistentSampler.create(model, s)).toList();
  }

  /** Runs the replicas one after the other in this thread and pools them. */
  public static SamplerResult run(Model model, SamplerSettings settings) {
    List<PersistentSampler> samplers = samplers(model, settings);
    samplers.forEach(SequentialDriver::run);
    return combine(settings, samplers);
  }

  /**
   * Pools finished replicas into one result.
   *
   * @param settings the settings of the whole run (its seed and replicas count)
   * @param finished the replicas' samplers, each driven to {@link Finished}, in replica order
   * @throws IllegalStateException if a sampler has not finished
   */
  public static SamplerResult combine(SamplerSettings settings, List<PersistentSampler> finished) {
    if (finished.size() < 2) {
      throw new IllegalArgumentException("pooling needs at least 2 replicas, got " + finished.size());
    }
    List<SamplerResult> results = new ArrayList<>();
    List<Pool> pools = new ArrayList<>();
    for (PersistentSampler sampler : finished) {
      if (!(sampler.next() instanceof Finished done)) {
        throw new IllegalStateException("replica with seed " + sampler.settings().seed() + " has not finished");
      }
      results.add(done.result());
      pools.add(sampler.pool());
    }
    return pooled(settings, results, pools);
  }

  private static SamplerResult pooled(SamplerSettings settings, List<SamplerResult> results, List<Pool> pools) {
    TemperedStates states = TemperedStates.of(pools);
    NormaliserSolver.Solution solution = NormaliserSolver.solve(states);
    double[] logWeights = NormaliserSolver.logWeights(states, solution.logNormalisers(), 1.0);
    double[] weights = LogMath.normalise(logWeights, logWeights.length);
    EvidenceReport report = report(results, pools, states, solution, weights);
    long calls = 0;
    int iterations = 0;
    List<IterationDiagnostics> diagnostics = new ArrayList<>();
    for (SamplerResult r : results) {
      calls += r.likelihoodCalls();
      iterations += r.iterations();
      diagnostics.addAll(r.diagnostics());
    }
    return new SamplerResult(report.logEvidence(), report.logEvidenceError(),
        LogMath.effectiveSampleSize(logWeights, logWeights.length), calls, iterations, settings.seed(),
        settings, posterior(results, weights), diagnostics, report);
  }

  private static EvidenceReport report(List<SamplerResult> results, List<Pool> pools, TemperedStates states,
      NormaliserSolver.Solution solution, double[] weights) {
    double[] shipped = results.stream().mapToDouble(SamplerResult::logEvidence).toArray();
    double[] persistent = results.stream().mapToDouble(r -> r.evidence().logEvidencePersistent()).toArray();
    double resolved = solution.logNormaliser(states.stateAt(1.0));
    double rootR = Math.sqrt(results.size());
    List<String> warnings = new ArrayList<>();
    boolean useResolved = solution.converged() && Double.isFinite(resolved);
    if (!useResolved) {
      warnings.add(String.format(Locale.ROOT, "the pooled re-solve of the normalisers did not converge "
          + "(residual %.1e): the mean of the replicas' estimates is shipped", solution.residual()));
    }
    double[] errors = results.stream().mapToDouble(SamplerResult::logEvidenceError).toArray();
    consistencyWarning(shipped, errors).ifPresent(warnings::add);
    return new EvidenceReport(useResolved ? resolved : mean(shipped), LineageBootstrap.sd(shipped) / rootR,
        EvidenceReport.Estimator.RESOLVED, EvidenceReport.ErrorMethod.REPLICA_SPREAD, mean(persistent), resolved,
        LineageBootstrap.sd(persistent) / rootR, effectiveLineages(pools, weights), Double.NaN,
        results.get(0).evidence().bootstrapReplicates(), results.size(), warnings);
  }

  /**
   * A warning when the replicas' estimates {@code x} spread more than their own errors
   * {@code sigma} allow: χ² = Σ (x_r − x̄)²/σ_r² in the upper {@value #CONSISTENCY_P} tail of
   * χ²(R − 1). Empty when consistent, or when some error is not a positive finite number.
   */
  static Optional<String> consistencyWarning(double[] x, double[] sigma) {
    if (x.length < 2 || Arrays.stream(sigma).anyMatch(e -> !(e > 0 && Double.isFinite(e)))
        || Arrays.stream(x).anyMatch(v -> !Double.isFinite(v))) {
      return Optional.empty();
    }
    double mean = mean(x);
    double chi2 = 0.0;
    for (int r = 0; r < x.length; r++) {
      chi2 += (x[r] - mean) * (x[r] - mean) / (sigma[r] * sigma[r]);
    }
    double p = 1.0 - new ChiSquaredDistribution(null, x.length - 1.0).cumulativeProbability(chi2);
    if (p >= CONSISTENCY_P) {
      return Optional.empty();
    }
    double sd = LineageBootstrap.sd(x);
    double rms = Math.sqrt(Arrays.stream(sigma).map(e -> e * e).average().orElse(Double.NaN));
    return Optional.of(String.format(Locale.ROOT, "the %d replicas' log Z estimates spread %.2g (sd) "
        + "against their own errors of %.2g (chi2 = %.1f for %d degrees of freedom, p = %.1e): log Z and its "
        + "error are not to be trusted here. The MCMC moves do not equilibrate at some temperatures (typical of a "
        + "funnel-shaped posterior, e.g. a noise scale with a wide log-uniform prior), which biases log Z low in "
        + "every replica; raise squall.sampler.mcmc-steps or try kernel = random-walk until the replicas agree "
        + "(docs/accuracy.md, \"Funnels\")", x.length, sd, rms, chi2, x.length - 1, p));
  }

  /** K_eff over the trees of all replicas, with the pooled weights. */
  private static double effectiveLineages(List<Pool> pools, double[] weights) {
    double sumSquares = 0.0;
    int offset = 0;
    for (Pool pool : pools) {
      double[] slice = Arrays.copyOfRange(weights, offset, offset + pool.size());
      for (double mass : LineageBootstrap.treeMasses(pool, slice)) {
        sumSquares += mass * mass;
      }
      offset += pool.size();
    }
    return 1.0 / sumSquares;
  }

  private static Posterior posterior(List<SamplerResult> results, double[] weights) {
    int n = weights.length;
    double[][] theta = new double[n][];
    double[] logLikelihoods = new double[n];
    double[][] derived = new double[n][];
    int s = 0;
    for (SamplerResult r : results) {
      Posterior p = r.posterior();
      for (int i = 0; i < p.size(); i++, s++) {
        theta[s] = p.theta(i);
        logLikelihoods[s] = p.logLikelihood(i);
        derived[s] = p.derived(i);
      }
    }
    Posterior first = results.get(0).posterior();
    return new Posterior(first.parameterNames(), theta, weights, logLikelihoods, first.derivedNames(), derived);
  }

  private static double mean(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
