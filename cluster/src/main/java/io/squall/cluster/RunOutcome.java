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
 * @param tuning the cached tuning the run used, if any ({@code squall tune})
 */
public record RunOutcome(
    RunSettings settings, SamplerResult result, OptionalDouble knownLogEvidence, double wallSeconds,
    Optional<RunStats> stats, Optional<AppliedTuning> tuning) {
  /** An outcome of a run that used no cached tuning. */
  public RunOutcome(RunSettings settings, SamplerResult result, OptionalDouble knownLogEvidence, double wallSeconds,
      Optional<RunStats> stats) {
    this(settings, result, knownLogEvidence, wallSeconds, stats, Optional.empty());
  }

  /** This outcome, recording the cached tuning the run used. */
  RunOutcome withTuning(Optional<AppliedTuning> applied) {
    return new RunOutcome(settings, result, knownLogEvidence, wallSeconds, stats, applied);
  }
}
