package io.squall.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The particles of one or more pools grouped into tempered states for the joint solve of the
 * normalisers ({@link NormaliserSolver}): iterations with the same β are merged into one state k
 * (all β = 0 prior batches are one state, all β = 1 iterations another) holding N_k particles,
 * whose samples are treated as draws from π_k ∝ L^{β_k}. Pools are concatenated in order, so
 * particle s of pool p has index (size of the earlier pools) + s.
 *
 * <p>Each state also carries a starting value for its normaliser ζ_k = log Z(β_k): the value stored
 * by the run for the last iteration with that β (0 exactly at β = 0).
 */
public final class TemperedStates {
  private final double[] logLikelihoods;
  private final int[] stateOf;
  private final double[] betas;
  private final double[] counts;
  private final double[] storedLogNormalisers;

  private TemperedStates(double[] logLikelihoods, int[] stateOf, double[] betas, double[] counts,
      double[] storedLogNormalisers) {
    this.logLikelihoods = logLikelihoods;
    this.stateOf = stateOf;
    this.betas = betas;
    this.counts = counts;
    this.storedLogNormalisers = storedLogNormalisers;
  }

  /** The states of one pool. */
  public static TemperedStates of(Pool pool) {
    return of(List.of(pool));
  }

  /** The states of several pools (e.g. independent replicas of a run), merged by β. */
  public static TemperedStates of(List<Pool> pools) {
    Map<Double, Integer> index = new LinkedHashMap<>();
    List<Double> start = new ArrayList<>();
    int total = pools.stream().mapToInt(Pool::size).sum();
    double[] values = new double[total];
    int[] states = new int[total];
    int offset = 0;
    for (Pool pool : pools) {
      List<Pool.Iteration> history = pool.history();
      for (int t = 0; t < history.size(); t++) {
        Pool.Iteration it = history.get(t);
        int k = index.computeIfAbsent(it.beta(), b -> index.size());
        double zeta = it.beta() == 0.0 ? 0.0 : it.logEvidence();
        if (k == start.size()) {
          start.add(zeta);
        } else {
          start.set(k, zeta);
        }
      }
      for (int s = 0; s < pool.size(); s++) {
        values[offset + s] = pool.logLikelihood(s);
        states[offset + s] = index.get(history.get(pool.iterationOf(s)).beta());
      }
      offset += pool.size();
    }
    double[] betas = index.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    double[] counts = new double[betas.length];
    for (int k : states) {
      counts[k]++;
    }
    return new TemperedStates(values, states, betas, counts,
        start.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * States given directly (for tests and experiments): particle s has log-likelihood
   * {@code logLikelihoods[s]} and belongs to state {@code stateOf[s]}, whose inverse temperature is
   * {@code betas[stateOf[s]]}; {@code start} are the starting normalisers.
   */
  public static TemperedStates of(double[] logLikelihoods, int[] stateOf, double[] betas, double[] start) {
    if (logLikelihoods.length != stateOf.length || betas.length != start.length) {
      throw new IllegalArgumentException("array lengths differ");
    }
    double[] counts = new double[betas.length];
    for (int k : stateOf) {
      counts[k]++;
    }
    return new TemperedStates(logLikelihoods.clone(), stateOf.clone(), betas.clone(), counts, start.clone());
  }

  /** N, the number of particles. */
  public int size() {
    return logLikelihoods.length;
  }

  /** K, the number of states. */
  public int stateCount() {
    return betas.length;
  }

  public double logLikelihood(int s) {
    return logLikelihoods[s];
  }

  /** The state of particle s. */
  public int stateOf(int s) {
    return stateOf[s];
  }

  /** β_k. */
  public double beta(int k) {
    return betas[k];
  }

  /** N_k, the particles in state k. */
  public double count(int k) {
    return counts[k];
  }

  /** The starting normalisers ζ_k (a copy). */
  public double[] storedLogNormalisers() {
    return storedLogNormalisers.clone();
  }

  /** The index of the state with inverse temperature {@code beta}, or −1. */
  public int stateAt(double beta) {
    for (int k = 0; k < betas.length; k++) {
      if (betas[k] == beta) {
        return k;
      }
    }
    return -1;
  }
}
