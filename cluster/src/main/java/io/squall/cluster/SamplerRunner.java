package io.squall.cluster;

import com.typesafe.config.ConfigFactory;
import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.actors.RunStats;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.util.Optional;

/** Runs the sampler to the end in one execution mode; every mode gives the same result. */
public interface SamplerRunner {
  /** What a run produced: the sampler's result and, for parallel modes, how the workers did. */
  record Sampled(SamplerResult result, Optional<RunStats> stats) {}

  /** Samples {@code model}: one run, or the replicas of {@code settings} when it asks for several. */
  Sampled run(Model model, SamplerSettings settings);

  /** Drives one sampler (fresh, resumed or checkpointing) to the end. */
  Sampled run(PersistentSampler sampler);

  /**
   * The runner of {@code execution}; local mode runs with the task settings {@code local}.
   */
  static SamplerRunner of(Execution execution, LocalOptions local) {
    return of(execution, local, RunProgress.silent());
  }

  /** As {@link #of(Execution, LocalOptions)}, reporting each iteration of one sampler to {@code progress}. */
  static SamplerRunner of(Execution execution, LocalOptions local, RunProgress progress) {
    return switch (execution.mode()) {
      case SEQUENTIAL -> new Sequential(progress);
      case LOCAL -> new Local(local, progress);
      case CLUSTER -> throw new IllegalArgumentException("cluster runs are driven by 'squall master' (ClusterMaster)");
    };
  }

  /** The calling thread. */
  final class Sequential implements SamplerRunner {
    private final RunProgress progress;

    Sequential(RunProgress progress) {
      this.progress = progress;
    }

    @Override
    public Sampled run(Model model, SamplerSettings settings) {
      return new Sampled(SequentialDriver.run(model, settings), Optional.empty());
    }

    @Override
    public Sampled run(PersistentSampler sampler) {
      return new Sampled(SequentialDriver.run(progress.attach(sampler)), Optional.empty());
    }
  }

  /** Worker actors in this JVM. */
  final class Local implements SamplerRunner {
    private final LocalOptions options;
    private final RunProgress progress;

    Local(LocalOptions options, RunProgress progress) {
      this.options = options;
      this.progress = progress;
    }

    @Override
    public Sampled run(Model model, SamplerSettings settings) {
      return sampled(LocalMode.run(model, settings, options));
    }

    @Override
    public Sampled run(PersistentSampler sampler) {
      return sampled(LocalMode.run(progress.source(sampler), sampler.model(), options, ConfigFactory.load()));
    }

    private static Sampled sampled(RunResult run) {
      return new Sampled(run.result(), Optional.of(run.stats()));
    }
  }
}
