package io.squall.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entry point for library users: a fluent builder of a model and settings, run here
 * sequentially (other modules run the same {@link #model()} and {@link #settings()} on local or
 * cluster workers).
 *
 * <pre>{@code
 * SamplerResult result = Squall.sampler()
 *     .prior(Prior.uniformBox(3, -10, 10))
 *     .logLikelihood(theta -> -0.5 * (theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]))
 *     .seed(7)
 *     .run();
 * System.out.println(result.logEvidence());
 * }</pre>
 *
 * Either give a {@link Prior} (names and boundaries come with it) or a dimension and any
 * {@link PriorTransform}; then either a per-point {@link LogLikelihood} or a vectorized
 * {@link BatchLogLikelihood} — or, for a model with derived values, a {@link PointEvaluation} or
 * {@link BatchEvaluation} with the names of its derived values.
 */
public final class Squall {
  private Squall() {}

  /** A new builder with default settings. */
  public static Builder sampler() {
    return new Builder();
  }

  /** Builds the model and settings of a run. */
  public static final class Builder {
    private final SamplerSettings.Builder settings = SamplerSettings.builder();
    private Integer dimension;
    private PriorTransform transform;
    private List<String> names;
    private Boundary[] boundaries;
    private BatchEvaluation likelihood;
    private List<String> derivedNames = List.of();

    private Builder() {}

    /** A product prior; sets the dimension, parameter names and boundaries. */
    public Builder prior(Prior prior) {
      this.dimension = prior.dimension();
      this.transform = prior;
      this.names = prior.parameterNames();
      this.boundaries = prior.boundaries().toArray(new Boundary[0]);
      return this;
    }

    /** The number of parameters, when the prior is given as a bare transform. */
    public Builder dimension(int value) {
      this.dimension = value;
      return this;
    }

    /** Any prior transform u → θ (then also give {@link #dimension}). */
    public Builder priorTransform(PriorTransform value) {
      this.transform = value;
      return this;
    }

    public Builder parameterNames(List<String> value) {
      this.names = List.copyOf(value);
      return this;
    }

    /** Marks coordinates as periodic (they wrap around the unit interval). */
    public Builder periodic(int... coordinates) {
      return withBoundary(Boundary.PERIODIC, coordinates);
    }

    /** Marks coordinates as reflective (they fold back at the walls). */
    public Builder reflective(int... coordinates) {
      return withBoundary(Boundary.REFLECTIVE, coordinates);
    }

    private Builder withBoundary(Boundary boundary, int... coordinates) {
      if (dimension == null) {
        throw new IllegalStateException("set the prior or the dimension before the boundaries");
      }
      if (boundaries == null || boundaries.length != dimension) {
        boundaries = Collections.nCopies(dimension, Boundary.NONE).toArray(new Boundary[0]);
      }
      for (int c : coordinates) {
        if (c < 0 || c >= dimension) {
          throw new IllegalArgumentException("coordinate " + c + " is outside 0.." + (dimension - 1));
        }
        boundaries[c] = boundary;
      }
      return this;
    }

    /** A per-point log-likelihood of θ. */
    public Builder logLikelihood(LogLikelihood value) {
      return vectorizedLogLikelihood(Model.batchOf(value));
    }

    /** A vectorized log-likelihood: one call per batch of θ. */
    public Builder vectorizedLogLikelihood(BatchLogLikelihood value) {
      this.likelihood = thetas -> Evaluation.of(value.logLikelihoods(thetas));
      this.derivedNames = List.of();
      return this;
    }

    /**
     * A per-point likelihood that also returns the derived values named {@code names} (stored with
     * every sample, see {@link Evaluation}).
     */
    public Builder logLikelihood(List<String> names, PointEvaluation value) {
      this.likelihood = Model.pointwise(value);
      this.derivedNames = List.copyOf(names);
      return this;
    }

    /** A vectorized likelihood that also returns the derived values named {@code names}. */
    public Builder vectorizedLogLikelihood(List<String> names, BatchEvaluation value) {
      this.likelihood = value;
      this.derivedNames = List.copyOf(names);
      return this;
    }

    public Builder activeParticles(int value) {
      settings.activeParticles(value);
      return this;
    }

    public Builder effectiveParticles(int value) {
      settings.effectiveParticles(value);
      return this;
    }

    public Builder totalSamples(int value) {
      settings.totalSamples(value);
      return this;
    }

    public Builder mcmcSteps(int value) {
      settings.mcmcSteps(value);
      return this;
    }

    public Builder maxMcmcSteps(int value) {
      settings.maxMcmcSteps(value);
      return this;
    }

    public Builder kernel(Kernel value) {
      settings.kernel(value);
      return this;
    }

    public Builder resampling(Resampling value) {
      settings.resampling(value);
      return this;
    }

    public Builder seed(long value) {
      settings.seed(value);
      return this;
    }

    public Builder nanAsMinusInfinity(boolean value) {
      settings.nanAsMinusInfinity(value);
      return this;
    }

    /**
     * R independent runs with derived seeds pooled into one estimate whose error comes from their
     * spread ({@link Replicas}); 1 (the default) is a single run.
     */
    public Builder replicas(int value) {
      settings.replicas(value);
      return this;
    }

    /** Whether to cluster the pool into several modes (default true). */
    public Builder clustering(boolean value) {
      settings.clustering(value);
      return this;
    }

    /** The validated settings. */
    public SamplerSettings settings() {
      return settings.build();
    }

    /** The model; throws {@link SettingsException} listing everything missing. */
    public Model model() {
      List<String> problems = new ArrayList<>();
      if (transform == null) {
        problems.add("no prior: call prior(...) or dimension(...) and priorTransform(...)");
      }
      if (dimension == null || dimension <= 0) {
        problems.add("no dimension: call prior(...) or dimension(d) with d > 0");
      }
      if (likelihood == null) {
        problems.add("no likelihood: call logLikelihood(...) or vectorizedLogLikelihood(...)");
      }
      if (names != null && dimension != null && names.size() != dimension) {
        problems.add(names.size() + " parameter names for dimension " + dimension);
      }
      SettingsException.throwIfAny(problems);
      List<String> parameterNames = names != null ? names : Prior.defaultNames(dimension);
      List<Boundary> walls = boundaries != null ? List.of(boundaries)
          : Collections.nCopies(dimension, Boundary.NONE);
      return Model.of(parameterNames, walls, transform, derivedNames, likelihood);
    }

    /** Runs the sampler to the end in this thread (all replicas one after the other). */
    public SamplerResult run() {
      return SequentialDriver.run(model(), settings());
    }
  }
}
