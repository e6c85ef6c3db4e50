package io.squall.sampler;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The replay bootstrap over lineages: a single-run error bar for log Ẑ that follows the
 * dependence between particles (the evidence design note's first-ranked estimate; compare the
 * thread bootstrap of nested sampling, Higson et al., Bayesian Analysis 13, 2018).
 *
 * <p>Every particle descends, through the pool indices it was resampled from, from one prior draw:
 * its root. The particles sharing a root form a lineage tree; K trees in all (one per prior draw).
 * One replicate draws multiplicities M_e ~ Multinomial(K; 1/K, …, 1/K) for the trees, gives each
 * particle its tree's multiplicity, renormalises so that iteration t still carries n_t particles
 * (m_s = M_e(s) · n_t / Σ_{s'∈t} M_e(s')), and recomputes the estimates with these multiplicities:
 *
 * <ul>
 *   <li>the persistent estimate by replaying the run's whole recursion, every ζ*_t recomputed from
 *       the pool before iteration t with the run's β_t ({@link PersistentReplay});
 *   <li>the joint re-solve ({@link NormaliserSolver}) to first order ({@link
 *       NormaliserSolver.Linearisation}).
 * </ul>
 *
 * σ̂ is the standard deviation of each over the replicates. The same bootstrap with every particle
 * its own tree (multinomial within each iteration: "stratified") ignores the dependence; the ratio
 * σ̂_lineage/σ̂_stratified is ≈ 1 when the MCMC mixes well and grows when particles stay close to
 * their ancestors (measured 1.3–1.5 moderate, 9 poor). K_eff = 1/Σ_e S_e², with S_e the posterior
 * mass of tree e, counts the lineages that carry the posterior. No likelihood calls; O(B·T·N)
 * arithmetic, one exponential per (particle, iteration) shared by a block of replicates.
 */
public final class LineageBootstrap {
  /** Default number of replicates B. */
  public static final int DEFAULT_REPLICATES = 100;
  /** Replicates per block are limited so a block holds at most this many (particle, replicate) cells. */
  private static final int BLOCK_CELLS = 1 << 22;

  /**
   * The outcome.
   *
   * @param persistent σ̂ of the persistent estimate (lineage replay)
   * @param resolved σ̂ of the re-solved estimate (lineage, linearised)
   * @param stratifiedPersistent σ̂ of the persistent estimate with every particle its own tree (NaN
   *     if not computed)
   * @param stratifiedResolved σ̂ of the re-solved estimate with every particle its own tree
   * @param lineages K, the number of trees (prior draws)
   * @param replicates B
   */
  public record Result(double persistent, double resolved, double stratifiedPersistent,
      double stratifiedResolved, int lineages, int replicates) {
    /** σ̂_lineage/σ̂_stratified of the re-solved estimate. */
    public double resolvedRatio() {
      return resolved / stratifiedResolved;
    }

    /** σ̂_lineage/σ̂_stratified of the persistent estimate. */
    public double persistentRatio() {
      return persistent / stratifiedPersistent;
    }
  }

  private final Pool pool;
  private final PersistentReplay replay;
  private final NormaliserSolver.Linearisation linearisation;
  private final int finalState;
  private final int[] roots;
  private final int[] rootOrdinal;
  private final int[] iterationStarts;
  private final int lineages;

  LineageBootstrap(Pool pool, TemperedStates states, NormaliserSolver.Solution solution) {
    this.pool = pool;
    this.replay = PersistentReplay.of(pool);
    this.linearisation = NormaliserSolver.linearisation(states, solution);
    this.finalState = states.stateAt(1.0);
    this.roots = roots(pool);
    this.rootOrdinal = new int[pool.size()];
    int count = 0;
    for (int s = 0; s < pool.size(); s++) {
      rootOrdinal[s] = pool.parentOf(s) < 0 ? count++ : -1;
    }
    this.lineages = count;
    List<Pool.Iteration> history = pool.history();
    this.iterationStarts = new int[history.size() + 1];
    for (int t = 0; t < history.size(); t++) {
      iterationStarts[t + 1] = iterationStarts[t] + history.get(t).count();
    }
  }

  /**
   * Runs B = {@code replicates} lineage and stratified replicates on {@code pool} (whose states and
   * re-solved normalisers are {@code states} and {@code solution}), drawing from {@code rng}.
   */
  public static Result run(Pool pool, TemperedStates states, NormaliserSolver.Solution solution,
      int replicates, UniformRandomProvider rng) {
    return run(pool, states, solution, replicates, rng, true);
  }

  /**
   * As {@link #run(Pool, TemperedStates, NormaliserSolver.Solution, int, UniformRandomProvider)};
   * without {@code stratifiedReplay} the stratified replicates skip the replay of the persistent
   * estimate (its σ̂ is then NaN; the other three are the same), which saves about a third of the
   * arithmetic when the re-solved estimate is shipped.
   */
  public static Result run(Pool pool, TemperedStates states, NormaliserSolver.Solution solution,
      int replicates, UniformRandomProvider rng, boolean stratifiedReplay) {
    return new LineageBootstrap(pool, states, solution).run(replicates, rng, stratifiedReplay);
  }

  /** The root (prior draw) of every particle's lineage. */
  public static int[] roots(Pool pool) {
    int[] out = new int[pool.size()];
    for (int s = 0; s < out.length; s++) {
      int parent = pool.parentOf(s);
      out[s] = parent < 0 ? s : out[parent];
    }
    return out;
  }

  /**
   * S_e, the mass of each lineage tree under {@code weights} (indexed by the root's pool index; zero
   * at particles that are no root).
   */
  public static double[] treeMasses(Pool pool, double[] weights) {
    int[] root = roots(pool);
    double[] mass = new double[pool.size()];
    for (int s = 0; s < mass.length; s++) {
      mass[root[s]] += weights[s];
    }
    return mass;
  }

  /** K_eff = (Σ_e S_e)²/Σ_e S_e², S_e the tree masses under {@code weights} (0 if all are 0). */
  public static double effectiveLineages(Pool pool, double[] weights) {
    double sum = 0.0;
    double sumSquares = 0.0;
    for (double m : treeMasses(pool, weights)) {
      sum += m;
      sumSquares += m * m;
    }
    return sumSquares == 0.0 ? 0.0 : sum * sum / sumSquares;
  }

  private Result run(int replicates, UniformRandomProvider rng, boolean stratifiedReplay) {
    double[][] lineage = replicates(replicates, rng, true, true);
    double[][] stratified = replicates(replicates, rng, false, stratifiedReplay);
    return new Result(sd(lineage[0]), sd(lineage[1]), sd(stratified[0]), sd(stratified[1]), lineages,
        replicates);
  }

  /** The replicate estimates {persistent[], resolved[]}, in blocks. */
  private double[][] replicates(int total, UniformRandomProvider rng, boolean byLineage, boolean withReplay) {
    double[] persistent = new double[total];
    Arrays.fill(persistent, Double.NaN);
    double[] resolved = new double[total];
    int width = Math.max(1, Math.min(total, BLOCK_CELLS / Math.max(1, pool.size())));
    for (int done = 0; done < total; done += width) {
      int n = Math.min(width, total - done);
      double[] m = new double[pool.size() * n];
      for (int b = 0; b < n; b++) {
        fill(m, n, b, byLineage ? lineageMultiplicities(rng) : stratifiedMultiplicities(rng));
      }
      if (withReplay) {
        System.arraycopy(replay.logEvidences(m, n), 0, persistent, done, n);
      }
      System.arraycopy(linearisation.logNormalisers(finalState, m, n), 0, resolved, done, n);
    }
    return new double[][] {persistent, resolved};
  }

  private static void fill(double[] block, int width, int b, double[] m) {
    for (int s = 0; s < m.length; s++) {
      block[s * width + b] = m[s];
    }
  }

  /** Tree multiplicities M ~ Multinomial(K; 1/K…), per particle, renormalised per iteration. */
  double[] lineageMultiplicities(UniformRandomProvider rng) {
    int[] draws = new int[lineages];
    for (int i = 0; i < lineages; i++) {
      draws[rng.nextInt(lineages)]++;
    }
    double[] m = new double[pool.size()];
    for (int s = 0; s < m.length; s++) {
      m[s] = draws[rootOrdinal[roots[s]]];
    }
    renormalise(m);
    return m;
  }

  /** Each particle its own tree: n_t multinomial draws among the particles of each iteration t. */
  double[] stratifiedMultiplicities(UniformRandomProvider rng) {
    double[] m = new double[pool.size()];
    for (int t = 0; t + 1 < iterationStarts.length; t++) {
      int start = iterationStarts[t];
      int n = iterationStarts[t + 1] - start;
      for (int i = 0; i < n; i++) {
        m[start + rng.nextInt(n)]++;
      }
    }
    return m;
  }

  private void renormalise(double[] m) {
    for (int t = 0; t + 1 < iterationStarts.length; t++) {
      double sum = 0.0;
      for (int s = iterationStarts[t]; s < iterationStarts[t + 1]; s++) {
        sum += m[s];
      }
      int n = iterationStarts[t + 1] - iterationStarts[t];
      for (int s = iterationStarts[t]; s < iterationStarts[t + 1] && sum > 0; s++) {
        m[s] *= n / sum;
      }
    }
  }

  /** Sample standard deviation of the finite values (NaN with fewer than two). */
  static double sd(double[] values) {
    double sum = 0.0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double squares = 0.0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    return Math.sqrt(squares / (n - 1));
  }
}
