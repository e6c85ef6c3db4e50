package io.squall.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * The frozen, validated settings of one run. Names in brackets are those of the Persistent
 * Sampling paper and the Python package Tempest.
 *
 * @param activeParticles [n_active] particles resampled and moved each iteration; one MCMC step is
 *     one batch of this many likelihood evaluations
 * @param effectiveParticles [n_effective] target effective sample size of the pool when choosing
 *     the next beta
 * @param totalSamples [n_total] the run ends when the pool's effective sample size at beta = 1
 *     reaches this
 * @param mcmcSteps [n_steps] minimum MCMC steps per iteration, per dimension
 * @param maxMcmcSteps maximum MCMC steps per iteration, per dimension
 * @param kernel the MCMC kernel
 * @param resampling the resampling scheme
 * @param seed the one seed that determines the run
 * @param nanAsMinusInfinity treat a NaN log-likelihood as −∞ instead of stopping with an error
 * @param replicas R independent runs with seeds derived from {@code seed}, pooled into one estimate
 *     whose error comes from their spread ({@link Replicas}); 1 (the default) is a single run whose
 *     error comes from the lineage bootstrap. Honoured by {@link SequentialDriver#run(Model,
 *     SamplerSettings)} and {@link Replicas}; one {@link PersistentSampler} is always one replica
 * @param clustering fit a Gaussian mixture of several modes to the pool each iteration
 *     ({@link Trainer#clustered}) instead of a single Gaussian (true by default)
 */
public record SamplerSettings(
    int activeParticles,
    int effectiveParticles,
    int totalSamples,
    int mcmcSteps,
    int maxMcmcSteps,
    Kernel kernel,
    Resampling resampling,
    long seed,
    boolean nanAsMinusInfinity,
    int replicas,
    boolean clustering) {

  public static final int DEFAULT_ACTIVE_PARTICLES = 256;
  public static final int DEFAULT_EFFECTIVE_PARTICLES = 768;
  public static final int DEFAULT_TOTAL_SAMPLES = 4096;
  public static final int DEFAULT_MCMC_STEPS = 1;
  public static final int DEFAULT_MAX_MCMC_STEPS = 20;
  public static final long DEFAULT_SEED = 42L;
  public static final int DEFAULT_REPLICAS = 1;

  /** Validates; throws {@link SettingsException} listing every problem at once. */
  public SamplerSettings {
    List<String> problems = new ArrayList<>();
    positive("activeParticles", activeParticles, problems);
    positive("effectiveParticles", effectiveParticles, problems);
    positive("totalSamples", totalSamples, problems);
    positive("mcmcSteps", mcmcSteps, problems);
    positive("maxMcmcSteps", maxMcmcSteps, problems);
    positive("replicas", replicas, problems);
    if (activeParticles == 1) {
      problems.add("activeParticles must be at least 2, got 1");
    }
    if (mcmcSteps > 0 && maxMcmcSteps > 0 && maxMcmcSteps < mcmcSteps) {
      problems.add("maxMcmcSteps (" + maxMcmcSteps + ") must be >= mcmcSteps (" + mcmcSteps + ")");
    }
    if (kernel == null) {
      problems.add("kernel must be one of " + List.of(Kernel.values()));
    }
    if (resampling == null) {
      problems.add("resampling must be one of " + List.of(Resampling.values()));
    }
    SettingsException.throwIfAny(problems);
  }

  private static void positive(String name, int value, List<String> problems) {
    if (value <= 0) {
      problems.add(name + " must be a positive integer, got " + value);
    }
  }

  /** The defaults. */
  public static SamplerSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .activeParticles(activeParticles)
        .effectiveParticles(effectiveParticles)
        .totalSamples(totalSamples)
        .mcmcSteps(mcmcSteps)
        .maxMcmcSteps(maxMcmcSteps)
        .kernel(kernel)
        .resampling(resampling)
        .seed(seed)
        .nanAsMinusInfinity(nanAsMinusInfinity)
        .replicas(replicas)
        .clustering(clustering);
  }

  /** Fluent builder; {@link #build()} validates. */
  public static final class Builder {
    private int activeParticles = DEFAULT_ACTIVE_PARTICLES;
    private int effectiveParticles = DEFAULT_EFFECTIVE_PARTICLES;
    private int totalSamples = DEFAULT_TOTAL_SAMPLES;
    private int mcmcSteps = DEFAULT_MCMC_STEPS;
    private int maxMcmcSteps = DEFAULT_MAX_MCMC_STEPS;
    private Kernel kernel = Kernel.PCN;
    private Resampling resampling = Resampling.SYSTEMATIC;
    private long seed = DEFAULT_SEED;
    private boolean nanAsMinusInfinity;
    private int replicas = DEFAULT_REPLICAS;
    private boolean clustering = true;

    private Builder() {}

    public Builder activeParticles(int value) {
      this.activeParticles = value;
      return this;
    }

    public Builder effectiveParticles(int value) {
      this.effectiveParticles = value;
      return this;
    }

    public Builder totalSamples(int value) {
      this.totalSamples = value;
      return this;
    }

    public Builder mcmcSteps(int value) {
      this.mcmcSteps = value;
      return this;
    }

    public Builder maxMcmcSteps(int value) {
      this.maxMcmcSteps = value;
      return this;
    }

    public Builder kernel(Kernel value) {
      this.kernel = value;
      return this;
    }

    public Builder resampling(Resampling value) {
      this.resampling = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder nanAsMinusInfinity(boolean value) {
      this.nanAsMinusInfinity = value;
      return this;
    }

    /** R independent runs pooled into one estimate (1 = off). */
    public Builder replicas(int value) {
      this.replicas = value;
      return this;
    }

    public Builder clustering(boolean value) {
      this.clustering = value;
      return this;
    }

    public SamplerSettings build() {
      return new SamplerSettings(activeParticles, effectiveParticles, totalSamples, mcmcSteps,
          maxMcmcSteps, kernel, resampling, seed, nanAsMinusInfinity, replicas, clustering);
    }
  }
}
