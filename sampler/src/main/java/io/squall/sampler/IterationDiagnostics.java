package io.squall.sampler;

/**
 * What happened in one iteration.
 *
 * @param iteration index from 0 (warm-up prior batches included)
 * @param beta the inverse temperature the iteration's particles target
 * @param effectiveSampleSize the pool's ESS at {@code beta} when it was chosen
 * @param logEvidence log Ẑ(β) when β was chosen
 * @param acceptance mean MCMC acceptance rate of the iteration (NaN for prior draws)
 * @param steps number of MCMC steps (0 for prior draws)
 * @param stepSizeRatio σ/σ₀ at the end of the iteration (NaN for prior draws)
 * @param modes number of modes the proposal was fitted with (0 for prior draws)
 * @param likelihoodCalls cumulative likelihood calls at the end of the iteration
 * @param poolSize particles in the pool at the end of the iteration
 */
public record IterationDiagnostics(
    int iteration,
    double beta,
    double effectiveSampleSize,
    double logEvidence,
    double acceptance,
    int steps,
    double stepSizeRatio,
    int modes,
    long likelihoodCalls,
    int poolSize) {}
