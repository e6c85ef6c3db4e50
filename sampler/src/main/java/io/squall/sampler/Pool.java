package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.util.FastMath;

/**
 * The persistent pool: every particle ever evaluated, with the tempered states it was drawn for,
 * and the balance-heuristic importance weights of Persistent Sampling (Karamanis &amp; Seljak 2025,
 * eq. for the persistent weights).
 *
 * <p>Iteration t added n_t particles drawn (approximately) from π_t ∝ L^{β_t}, with stored
 * normaliser ζ_t = log Ẑ_t. For stored particle s with log-likelihood ℓ_s the pool keeps the
 * log-denominator
 *
 * <pre>  D_s = log Σ_t n_t · exp(β_t·ℓ_s − ζ_t)</pre>
 *
 * incrementally (one new term per iteration), so that with N = Σ_t n_t
 *
 * <pre>
 *   log w_s(β) = β·ℓ_s − log q_s = β·ℓ_s − D_s + log N      (q_s = the pool's mixture density)
 *   log Ẑ(β)   = logsumexp_s log w_s(β) − log N = logsumexp_s (β·ℓ_s − D_s)
 *   ESS(β)     = (Σ_s w_s)² / Σ_s w_s²
 * </pre>
 *
 * A trial β therefore costs O(N), and adding an iteration costs O(N + n_t·T).
 */
public final class Pool {
  /** One tempered state of the pool: its inverse temperature, normaliser and particle count. */
  public record Iteration(double beta, double logEvidence, int count) {}

  private final int dimension;
  private final int derivedCount;
  private double[] unitPoints = new double[0];
  private double[] derived = new double[0];
  private double[] logLikelihoods = new double[0];
  private double[] logDenominators = new double[0];
  private int[] iterations = new int[0];
  private int[] parents = new int[0];
  private int size;
  private final List<Iteration> history = new ArrayList<>();

  /** An empty pool of particles without derived values. */
  public Pool(int dimension) {
    this(dimension, 0);
  }

  /** An empty pool of particles with {@code derivedCount} derived values each. */
  public Pool(int dimension, int derivedCount) {
    this.dimension = dimension;
    this.derivedCount = derivedCount;
  }

  /** A copy of the whole pool, as stored in a checkpoint. */
  SamplerCheckpoint.PoolState state() {
    return new SamplerCheckpoint.PoolState(dimension, Arrays.copyOf(unitPoints, size * dimension), derivedCount,
        Arrays.copyOf(derived, size * derivedCount), Arrays.copyOf(logLikelihoods, size),
        Arrays.copyOf(logDenominators, size), Arrays.copyOf(iterations, size), Arrays.copyOf(parents, size), history);
  }

  /**
   * The pool of a checkpoint, exactly: the stored log-denominators are taken as they are (they
   * were accumulated term by term, which a fresh sum would not reproduce bit for bit).
   */
  static Pool restore(SamplerCheckpoint.PoolState state) {
    Pool pool = new Pool(state.dimension(), state.derivedCount());
    pool.size = state.size();
    pool.unitPoints = state.unitPoints().clone();
    pool.derived = state.derived().clone();
    pool.logLikelihoods = state.logLikelihoods().clone();
    pool.logDenominators = state.logDenominators().clone();
    pool.iterations = state.iterations().clone();
    pool.parents = state.parents().clone();
    pool.history.addAll(state.history());
    return pool;
  }

  public int dimension() {
    return dimension;
  }

  /** Number of derived values stored with each particle. */
  public int derivedCount() {
    return derivedCount;
  }

  /** N, the number of stored particles. */
  public int size() {
    return size;
  }

  /** The tempered states added so far, in order. */
  public List<Iteration> history() {
    return List.copyOf(history);
  }

  public int iterationCount() {
    return history.size();
  }

  public double logLikelihood(int s) {
    return logLikelihoods[s];
  }

  /** The iteration particle s was added in. */
  public int iterationOf(int s) {
    return iterations[s];
  }

  /** The pool index particle s was resampled from before its MCMC moves; −1 for prior draws. */
  public int parentOf(int s) {
    return parents[s];
  }

  /** A copy of particle s's unit-cube coordinates. */
  public double[] unitPoint(int s) {
    return Arrays.copyOfRange(unitPoints, s * dimension, (s + 1) * dimension);
  }

  /** A copy of particle s's derived values. */
  public double[] derived(int s) {
    return Arrays.copyOfRange(derived, s * derivedCount, (s + 1) * derivedCount);
  }

  /** Coordinate k of particle s. */
  public double coordinate(int s, int k) {
    return unitPoints[s * dimension + k];
  }

  /** D_s, the log of the (unnormalised) mixture denominator of particle s. */
  public double logDenominator(int s) {
    return logDenominators[s];
  }

  /**
   * Adds the particles of one iteration, drawn for inverse temperature {@code beta} whose
   * normaliser was estimated as {@code logEvidence} from the pool before this call.
   *
   * @param points the unit-cube points, one row per particle
   * @param values their log-likelihoods
   * @param parentIndices the pool index each was resampled from, −1 for prior draws
   */
  public void add(double beta, double logEvidence, double[][] points, double[] values, int[] parentIndices) {
    double[][] none = new double[points.length][0];
    add(beta, logEvidence, points, values, none, parentIndices);
  }

  /**
   * {@link #add(double, double, double[][], double[], int[])} for particles with derived values,
   * {@code derivedValues[i]} holding the {@link #derivedCount()} values of particle i.
   */
  public void add(double beta, double logEvidence, double[][] points, double[] values, double[][] derivedValues,
      int[] parentIndices) {
    int n = points.length;
    for (int i = 0; i < n; i++) {
      if (derivedValues[i].length != derivedCount) {
        throw new IllegalArgumentException("particle " + i + " has " + derivedValues[i].length
            + " derived values, the pool keeps " + derivedCount);
      }
    }
    int iteration = history.size();
    history.add(new Iteration(beta, logEvidence, n));
    double logCount = FastMath.log(n);
    for (int s = 0; s < size; s++) {
      double term = logCount + LogMath.tempered(beta, logLikelihoods[s]) - logEvidence;
      logDenominators[s] = LogMath.logAddExp(logDenominators[s], term);
    }
    ensureCapacity(size + n);
    for (int i = 0; i < n; i++) {
      int s = size + i;
      System.arraycopy(points[i], 0, unitPoints, s * dimension, dimension);
      System.arraycopy(derivedValues[i], 0, derived, s * derivedCount, derivedCount);
      logLikelihoods[s] = values[i];
      iterations[s] = iteration;
      parents[s] = parentIndices[i];
      logDenominators[s] = fullLogDenominator(values[i]);
    }
    size += n;
  }

  private double fullLogDenominator(double logLikelihood) {
    double total = Double.NEGATIVE_INFINITY;
    for (Iteration it : history) {
      double term = FastMath.log(it.count()) + LogMath.tempered(it.beta(), logLikelihood) - it.logEvidence();
      total = LogMath.logAddExp(total, term);
    }
    return total;
  }

  private void ensureCapacity(int needed) {
    if (needed <= logLikelihoods.length) {
      return;
    }
    int capacity = Math.max(needed, 2 * logLikelihoods.length);
    unitPoints = Arrays.copyOf(unitPoints, capacity * dimension);
    derived = Arrays.copyOf(derived, capacity * derivedCount);
    logLikelihoods = Arrays.copyOf(logLikelihoods, capacity);
    logDenominators = Arrays.copyOf(logDenominators, capacity);
    iterations = Arrays.copyOf(iterations, capacity);
    parents = Arrays.copyOf(parents, capacity);
  }

  /** The unnormalised log-weights β·ℓ_s − D_s of all particles at {@code beta}. */
  public double[] logWeights(double beta) {
    double[] out = new double[size];
    for (int s = 0; s < size; s++) {
      out[s] = LogMath.tempered(beta, logLikelihoods[s]) - logDenominators[s];
    }
    return out;
  }

  /** log Ẑ(β) = logsumexp_s (β·ℓ_s − D_s). */
  public double logEvidence(double beta) {
    return LogMath.logSumExp(logWeights(beta));
  }

  /** The effective sample size of the pool's weights at {@code beta}. */
  public double effectiveSampleSize(double beta) {
    return LogMath.effectiveSampleSize(logWeights(beta), size);
  }
}
