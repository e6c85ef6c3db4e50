package io.squall.sampler;

import java.util.List;

/**
 * The outcome of a run.
 *
 * <p>The log-evidence is the persistent estimate over the whole final pool (Karamanis &amp; Seljak
 * 2025): log Ẑ = logsumexp_s (ℓ_s − D_s) with D_s the balance-heuristic mixture denominator of
 * {@link Pool}. The posterior is the whole pool with its β = 1 weights.
 *
 * @param logEvidence log Ẑ at β = 1
 * @param logEvidenceError not yet estimated: always NaN in this version (a calibrated error bar
 *     needs the lineage bootstrap of the evidence design note; √(1/ESS) would be 6–70× too small,
 *     so none is invented)
 * @param effectiveSampleSize Kish ESS of the final weights
 * @param likelihoodCalls number of points evaluated (proposals rejected for leaving the cube cost
 *     none)
 * @param iterations number of iterations, warm-up prior batches included
 * @param seed the run seed
 * @param settings the settings of the run
 * @param posterior the weighted posterior
 * @param diagnostics one entry per iteration
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
    List<IterationDiagnostics> diagnostics) {

  public SamplerResult {
    diagnostics = List.copyOf(diagnostics);
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
