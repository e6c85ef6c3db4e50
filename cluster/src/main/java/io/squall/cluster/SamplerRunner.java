package io.squall.cluster;

import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.actors.RunStats;
import io.squall.sampler.Model;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.util.Optional;

/** Runs the sampler to the end in one execution mode; every mode gives the same result. */
@FunctionalInterface
public interface SamplerRunner {
  /** What a run produced: the sampler's result and, for parallel modes, how the workers did. */
  record Sampled(SamplerResult result, Optional<RunStats> stats) {}

  /** Samples {@code model}. */
  Sampled run(Model model, SamplerSettings settings);

  /**
   * The runner of {@code execution}; local mode runs with the task settings {@code local}.
   */
  static SamplerRunner of(Execution execution, LocalOptions local) {
    return switch (execution.mode()) {
      case SEQUENTIAL -> (model, settings) -> new Sampled(SequentialDriver.run(model, settings), Optional.empty());
      case LOCAL -> (model, settings) -> {
        RunResult run = LocalMode.run(model, settings, local);
        return new Sampled(run.result(), Optional.of(run.stats()));
      };
      case CLUSTER -> throw new IllegalArgumentException("cluster runs are driven by 'squall master' (ClusterMaster)");
    };
  }
}
