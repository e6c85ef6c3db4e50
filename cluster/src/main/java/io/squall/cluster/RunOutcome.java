package io.squall.cluster;

import io.squall.sampler.SamplerResult;
import io.squall.actors.RunStats;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A finished run as reported and written: its settings, the sampler's result and the wall time.
 *
 * @param settings the settings of the run
 * @param result the sampler's result
 * @param knownLogEvidence the model's analytic log-evidence, when known
 * @param wallSeconds wall time of the sampling (model construction excluded)
 * @param stats how the workers did (parallel modes only)
 */
public record RunOutcome(
    RunSettings settings, SamplerResult result, OptionalDouble knownLogEvidence, double wallSeconds,
    Optional<RunStats> stats) {}
