package io.squall.sampler;

import java.util.List;

/**
 * The outcome of a run.
 *
 * <p>The log-evidence is the shipped estimate of {@link EvidenceReport} (by default the joint
 * re-solve of all normalisers over the whole final pool, {@link NormaliserSolver}; the persistent
 * estimate of Karamanis &amp; Seljak 2025, log Ẑ = logsumexp_s (ℓ_s − D_s) with the stored
 * normalisers of {@link Pool}, is reported beside it). The posterior is the whole pool with its
 * β = 1 weights under the same normalisers.
 *
 * @param logEvidence log Ẑ at β = 1 (the shipped estimate)
 * @param logEvidenceError its standard error σ̂: the lineage bootstrap of one run
 *     ({@link LineageBootstrap}), or the spread of independent replicas ({@link Replicas}); see
 *     {@link EvidenceReport#warnings()} for when it is likely underestimated
 * @param effectiveSampleSize Kish ESS of the final weights
 * @param likelihoodCalls number of points evaluated (proposals rejected for leaving the cube cost
 *     none)
 * @param iterations number of iterations, warm-up prior batches included
 * @param seed the run seed
 * @param settings the settings of the run
 * @param posterior the weighted posterior
 * @param diagnostics one entry per iteration (with replicas: replica 0's, then replica 1's, …)
 * @param evidence how log Ẑ and σ̂ were estimated, both estimates, and the diagnostics of σ̂
 */
public record SamplerResult(
    double logEvidence,
    double logEvidenceError,
    double effectiveSampleSize,
    long likelihoodCalls,
    int iterations,
    long seed,
    SamplerSettings settings,
    Posterior posterior,
    List<IterationDiagnostics> diagnostics,
    EvidenceReport evidence) {

  public SamplerResult {
    diagnostics = List.copyOf(diagnostics);
    if (evidence == null) {
      evidence = EvidenceReport.unanalysed(logEvidence, logEvidenceError);
    }
  }

  /** A result without an evidence analysis (the report then holds only these two numbers). */
  public SamplerResult(double logEvidence, double logEvidenceError, double effectiveSampleSize,
      long likelihoodCalls, int iterations, long seed, SamplerSettings settings, Posterior posterior,
      List<IterationDiagnostics> diagnostics) {
    this(logEvidence, logEvidenceError, effectiveSampleSize, likelihoodCalls, iterations, seed, settings,
        posterior, diagnostics, null);
  }

  /** Reasons to distrust {@link #logEvidenceError()}; empty when there are none. */
  public List<String> warnings() {
    return evidence.warnings();
  }

  public List<String> parameterNames() {
    return posterior.parameterNames();
  }

  public double[] posteriorMean() {
    return posterior.mean();
  }

  public double[] posteriorStd() {
    return posterior.std();
  }
}
