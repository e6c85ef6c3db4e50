package io.squall.cluster;

import io.squall.sampler.Model;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;

/** Runs the sampler to the end in one execution mode; every mode gives the same result. */
@FunctionalInterface
public interface SamplerRunner {
  /** Samples {@code model}. */
  SamplerResult run(Model model, SamplerSettings settings);

  /** The runner of {@code execution}. */
  static SamplerRunner of(Execution execution) {
    return switch (execution.mode()) {
      case SEQUENTIAL -> SequentialDriver::run;
    };
  }
}
