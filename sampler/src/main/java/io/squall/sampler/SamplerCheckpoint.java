package io.squall.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data-only snapshot of a {@link PersistentSampler} between two iterations: everything that
 * determines the rest of the run, and nothing of the user's code. {@link PersistentSampler#resume}
 * continues from it bit for bit as if the run had never stopped; {@link CheckpointFormat} stores
 * it in a file.
 *
 * <p>What a sampler holds between iterations, and hence what is stored: the settings; the model's
 * parameter names, boundaries and derived-value names (to recognise the model); the whole
 * {@link Pool} (unit-cube points, derived values, log-likelihoods, the incrementally accumulated
 * log-denominators D_s, iterations, parents, and the tempered states β_t, ζ_t, n_t); the
 * diagnostics of the iterations so far; the {@link Progress} (current β, the adapted step sizes
 * and the modes they belong to, the number of MCMC steps of the next iteration, the batch and
 * likelihood-call counters); and the state of every random stream the sampler draws from. The
 * evidence analysis at the end draws from a fresh {@link RandomStreams.Purpose#BOOTSTRAP} stream
 * of the seed, so it needs no state.
 *
 * @param origin what the driver records about the run (model name and parameters, its own
 *     settings); the sampler does not read it
 * @param settings the settings of the run
 * @param parameterNames the model's parameter names
 * @param boundaries the model's boundaries
 * @param derivedNames the names of the model's derived values (empty if it has none)
 * @param pool the whole pool
 * @param diagnostics one entry per completed iteration
 * @param progress the sampler's adapted state
 * @param randomStates the saved state of each random stream the sampler draws from
 */
public record SamplerCheckpoint(
    Origin origin,
    SamplerSettings settings,
    List<String> parameterNames,
    List<Boundary> boundaries,
    List<String> derivedNames,
    PoolState pool,
    List<IterationDiagnostics> diagnostics,
    Progress progress,
    Map<RandomStreams.Purpose, byte[]> randomStates) {

  /** The streams a sampler draws from while it runs (the bootstrap's is created at the end). */
  public static final List<RandomStreams.Purpose> STREAMS = List.of(RandomStreams.Purpose.PRIOR,
      RandomStreams.Purpose.RESAMPLE, RandomStreams.Purpose.PROPOSE, RandomStreams.Purpose.ACCEPT,
      RandomStreams.Purpose.CLUSTER);

  /** Checks that the parts fit together; throws {@link IllegalArgumentException} naming every misfit. */
  public SamplerCheckpoint {
    parameterNames = List.copyOf(parameterNames);
    boundaries = List.copyOf(boundaries);
    derivedNames = List.copyOf(derivedNames);
    diagnostics = List.copyOf(diagnostics);
    randomStates = Collections.unmodifiableMap(new EnumMap<>(randomStates));
    List<String> problems = new ArrayList<>();
    if (parameterNames.size() != pool.dimension() || boundaries.size() != pool.dimension()) {
      problems.add(parameterNames.size() + " parameter names and " + boundaries.size()
          + " boundaries for a pool of dimension " + pool.dimension());
    }
    if (derivedNames.size() != pool.derivedCount()) {
      problems.add(derivedNames.size() + " derived-value names for " + pool.derivedCount() + " derived values");
    }
    if (diagnostics.size() != pool.history().size()) {
      problems.add(diagnostics.size() + " diagnostics for " + pool.history().size() + " iterations");
    }
    for (RandomStreams.Purpose purpose : STREAMS) {
      if (!randomStates.containsKey(purpose)) {
        problems.add("no state for the " + purpose + " stream");
      }
    }
    for (Mode mode : progress.modes()) {
      if (mode.dimension() != pool.dimension()) {
        problems.add("a mode of dimension " + mode.dimension() + " for a pool of dimension " + pool.dimension());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * What a driver records about the run, for its own use on resume (the sampler ignores it): the
   * command line stores the model's name and parameters, which every node must construct the same
   * model from, and the settings that a resumed run keeps unless they are given again.
   *
   * @param modelName the model's name (a built-in name or a class name), or empty
   * @param modelParameters the model's parameters
   * @param settings other settings of the driver, by key
   */
  public record Origin(String modelName, Map<String, String> modelParameters, Map<String, String> settings) {
    public Origin {
      modelParameters = Collections.unmodifiableMap(new TreeMap<>(modelParameters));
      settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** No model name, no parameters, no settings (a library run). */
    public static Origin none() {
      return new Origin("", Map.of(), Map.of());
    }

    /** {@code name {key=value, …}}, or just the name without parameters. */
    public String describeModel() {
      return modelParameters.isEmpty() ? modelName : modelName + " " + modelParameters;
    }
  }

  /**
   * The pool, array by array, in pool order (see {@link Pool} for the meaning of D_s).
   *
   * @param dimension d
   * @param unitPoints N·d coordinates, particle by particle
   * @param derivedCount k, the derived values per particle
   * @param derived N·k derived values, particle by particle
   * @param logLikelihoods ℓ_s
   * @param logDenominators D_s, as accumulated
   * @param iterations the iteration of each particle
   * @param parents the pool index each particle was resampled from, −1 for prior draws
   * @param history the tempered states (β_t, ζ_t, n_t)
   */
  public record PoolState(int dimension, double[] unitPoints, int derivedCount, double[] derived,
      double[] logLikelihoods, double[] logDenominators, int[] iterations, int[] parents,
      List<Pool.Iteration> history) {

    /** Checks the shapes and the indices; throws {@link IllegalArgumentException} naming the first misfit. */
    public PoolState {
      history = List.copyOf(history);
      int n = logLikelihoods.length;
      require(dimension > 0, "dimension " + dimension);
      require(unitPoints.length == (long) n * dimension, unitPoints.length + " coordinates for " + n
          + " particles of dimension " + dimension);
      require(derivedCount >= 0 && derived.length == (long) n * derivedCount, derived.length + " derived values for "
          + n + " particles of " + derivedCount);
      require(logDenominators.length == n && iterations.length == n && parents.length == n,
          "arrays of different lengths for " + n + " particles");
      long counted = 0;
      for (Pool.Iteration it : history) {
        counted += it.count();
      }
      require(counted == n, "the iterations hold " + counted + " particles, the pool " + n);
      for (int s = 0; s < n; s++) {
        require(iterations[s] >= 0 && iterations[s] < history.size(), "particle " + s + " of iteration "
            + iterations[s]);
        require(parents[s] >= -1 && parents[s] < s, "particle " + s + " with parent " + parents[s]);
      }
    }

    /** N. */
    public int size() {
      return logLikelihoods.length;
    }
  }

  /**
   * The sampler's adapted state between iterations.
   *
   * @param beta the current inverse temperature
   * @param stepSizes the adapted step size of each mode of the last iteration (one, σ₀, before
   *     the first)
   * @param modes the modes of the last iteration, which the next iteration's modes inherit step
   *     sizes from (none before the first)
   * @param nextSteps MCMC steps of the next iteration
   * @param batchCounter the id of the last batch handed out
   * @param likelihoodCalls points evaluated so far
   */
  public record Progress(double beta, double[] stepSizes, List<Mode> modes, int nextSteps, long batchCounter,
      long likelihoodCalls) {

    /** Checks the counts; throws {@link IllegalArgumentException} naming the first misfit. */
    public Progress {
      modes = List.copyOf(modes);
      require(stepSizes.length > 0 && (modes.isEmpty() || modes.size() == stepSizes.length),
          stepSizes.length + " step sizes for " + modes.size() + " modes");
      require(nextSteps > 0 && batchCounter >= 0 && likelihoodCalls >= 0, "negative counters");
    }
  }

  /** This checkpoint with {@code value} as its origin. */
  public SamplerCheckpoint withOrigin(Origin value) {
    return new SamplerCheckpoint(value, settings, parameterNames, boundaries, derivedNames, pool, diagnostics,
        progress, randomStates);
  }

  /** d. */
  public int dimension() {
    return pool.dimension();
  }

  /** The iterations completed (warm-up prior batches included). */
  public int iterations() {
    return pool.history().size();
  }

  /**
   * Why {@code model} is not the model of this checkpoint: its dimension, parameter names,
   * boundaries or derived-value names differ (each difference named); empty if it fits.
   */
  public List<String> modelDifferences(Model model) {
    List<String> out = new ArrayList<>();
    if (model.dimension() != dimension()) {
      out.add("the checkpoint was written for a model of dimension " + dimension() + " " + parameterNames
          + ", this model has dimension " + model.dimension() + " " + model.parameterNames());
      return out;
    }
    if (!model.parameterNames().equals(parameterNames)) {
      out.add("the checkpoint was written for parameters " + parameterNames + ", this model has "
          + model.parameterNames());
    }
    if (!model.boundaries().equals(boundaries)) {
      out.add("the checkpoint was written for boundaries " + boundaries + ", this model has " + model.boundaries());
    }
    if (!model.derivedNames().equals(derivedNames)) {
      out.add("the checkpoint was written for derived values " + derivedNames + ", this model has "
          + model.derivedNames());
    }
    return out;
  }

  private static void require(boolean condition, String misfit) {
    if (!condition) {
      throw new IllegalArgumentException(misfit);
    }
  }
}
