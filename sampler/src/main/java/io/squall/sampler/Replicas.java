package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
 * <p>The replicas share nothing, so a driver may run them side by side:
 *
 * <pre>{@code
 * List<PersistentSampler> samplers = Replicas.samplers(model, settings);
 * // drive every sampler to Finished, in any order or in parallel
 * SamplerResult pooled = Replicas.combine(settings, samplers);
 * }</pre>
 */
public final class Replicas {
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
    return new EvidenceReport(useResolved ? resolved : mean(shipped), LineageBootstrap.sd(shipped) / rootR,
        EvidenceReport.Estimator.RESOLVED, EvidenceReport.ErrorMethod.REPLICA_SPREAD, mean(persistent), resolved,
        LineageBootstrap.sd(persistent) / rootR, effectiveLineages(pools, weights), Double.NaN,
        results.get(0).evidence().bootstrapReplicates(), results.size(), warnings);
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
