package io.squall.sampler;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.util.FastMath;

/**
 * Replays the persistent recursion of a finished run with particle multiplicities m_s: the run's
 * own β_t are kept, and every normaliser is recomputed from the (reweighted) pool before its
 * iteration, exactly as the run computed it (Karamanis &amp; Seljak 2025):
 *
 * <pre>
 *   D*_s(t) = log Σ_{t' &lt; t} n*_t' · exp(β_t' ℓ_s − ζ*_t')
 *   ζ*_t    = log Σ_{s added before t} m_s · exp(β_t ℓ_s − D*_s(t))      (ζ*_t = 0 when β_t = 0)
 *   log Ẑ*  = log Σ_s m_s · exp(ℓ_s − D*_s(T))                           (the whole pool, β = 1)
 * </pre>
 *
 * where n*_t = Σ_{s∈t} m_s. With unit multiplicities {@link #exact} performs the run's floating-point
 * operations in the run's order and reproduces its stored ζ_t and final log Ẑ bit for bit.
 * {@link #logEvidences} replays many multiplicity vectors at once (the replicates of
 * {@link LineageBootstrap}): it works in linear space relative to the run's own terms,
 * exp(β_t ℓ_s − ζ_t), so each (particle, iteration) costs one exponential shared by all replicates and
 * a multiply-add per replicate; it agrees with {@link #exact} to rounding (about 1e-13).
 */
public final class PersistentReplay {
  private final Pool pool;
  private final List<Pool.Iteration> history;
  private final int[] starts;

  private PersistentReplay(Pool pool) {
    this.pool = pool;
    this.history = pool.history();
    this.starts = new int[history.size() + 1];
    for (int t = 0; t < history.size(); t++) {
      starts[t + 1] = starts[t] + history.get(t).count();
    }
  }

  /** The replay of {@code pool}'s run. */
  public static PersistentReplay of(Pool pool) {
    return new PersistentReplay(pool);
  }

  /**
   * One replay in log space, in the run's order of operations. Returns ζ*_0 … ζ*_{T−1} followed by
   * the final log Ẑ* (T + 1 values).
   *
   * @param multiplicities m_s per pool particle (all 1 reproduces the run)
   */
  public double[] exact(double[] multiplicities) {
    int t = history.size();
    double[] out = new double[t + 1];
    double[] denominators = new double[pool.size()];
    double[] logCounts = new double[t];
    for (int i = 0; i < t; i++) {
      double beta = history.get(i).beta();
      out[i] = beta == 0.0 ? 0.0 : logSum(beta, starts[i], denominators, multiplicities);
      logCounts[i] = FastMath.log(iterationCount(i, multiplicities));
      for (int s = 0; s < starts[i]; s++) {
        denominators[s] = addTerm(denominators[s], logCounts[i], beta, out[i], s);
      }
      for (int s = starts[i]; s < starts[i + 1]; s++) {
        double total = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
          total = addTerm(total, logCounts[j], history.get(j).beta(), out[j], s);
        }
        denominators[s] = total;
      }
    }
    out[t] = logSum(1.0, pool.size(), denominators, multiplicities);
    return out;
  }

  private double addTerm(double denominator, double logCount, double beta, double zeta, int s) {
    if (logCount == Double.NEGATIVE_INFINITY) {
      return denominator;
    }
    return LogMath.logAddExp(denominator, logCount + LogMath.tempered(beta, pool.logLikelihood(s)) - zeta);
  }

  private double logSum(double beta, int end, double[] denominators, double[] multiplicities) {
    double[] terms = new double[end];
    for (int s = 0; s < end; s++) {
      terms[s] = LogMath.tempered(beta, pool.logLikelihood(s)) - denominators[s];
      if (multiplicities[s] != 1.0) {
        terms[s] += FastMath.log(multiplicities[s]);
      }
    }
    return LogMath.logSumExp(terms);
  }

  private double iterationCount(int t, double[] multiplicities) {
    double sum = 0.0;
    for (int s = starts[t]; s < starts[t + 1]; s++) {
      sum += multiplicities[s];
    }
    return sum;
  }

  /**
   * The final log Ẑ* of {@code replicates} replays at once. {@code multiplicities} holds m_s of
   * replicate b at [s·replicates + b].
   */
  public double[] logEvidences(double[] multiplicities, int replicates) {
    return new Block(multiplicities, replicates).run();
  }

  /**
   * The vectorised replay. Per particle s it keeps a log-scale c_s (the largest run term
   * β_t ℓ_s − ζ_t seen so far) and, per replicate b, d[s,b] = Σ_t' n*_t' exp(β_t' ℓ_s − ζ*_t' − c_s),
   * so D*_s = c_s + log d[s,b]; the replicate enters only through ρ_t[b] = n*_t exp(ζ_t − ζ*_t),
   * which stays near n_t.
   */
  private final class Block {
    private final double[] m;
    private final int width;
    private final double[] d;
    private final double[] scale;
    private final double[][] rho;

    Block(double[] multiplicities, int replicates) {
      this.m = multiplicities;
      this.width = replicates;
      this.d = new double[pool.size() * replicates];
      this.scale = new double[pool.size()];
      Arrays.fill(scale, Double.NEGATIVE_INFINITY);
      this.rho = new double[history.size()][];
    }

    double[] run() {
      for (int t = 0; t < history.size(); t++) {
        Pool.Iteration it = history.get(t);
        double reference = it.beta() == 0.0 ? 0.0 : it.logEvidence();
        double[] zeta = it.beta() == 0.0 ? new double[width] : logSums(it.beta(), reference, starts[t]);
        rho[t] = ratios(t, reference, zeta);
        for (int s = 0; s < starts[t]; s++) {
          addTerm(s, t);
        }
        for (int s = starts[t]; s < starts[t + 1]; s++) {
          for (int j = 0; j <= t; j++) {
            addTerm(s, j);
          }
        }
      }
      return logSums(1.0, finalLogEvidence(), pool.size());
    }

    /** The run's own final log Ẑ, the reference of the last sum (any value near it would do). */
    private double finalLogEvidence() {
      return pool.logEvidence(1.0);
    }

    /** reference + log Σ_{s &lt; end} m[s,b] exp(β ℓ_s − reference − D*_s) for every replicate b. */
    private double[] logSums(double beta, double reference, int end) {
      double[] sums = new double[width];
      for (int s = 0; s < end; s++) {
        double x = FastMath.exp(LogMath.tempered(beta, pool.logLikelihood(s)) - reference - scale[s]);
        if (x == 0.0 || Double.isNaN(x)) {
          continue;
        }
        int base = s * width;
        for (int b = 0; b < width; b++) {
          double mb = m[base + b];
          if (mb != 0.0) {
            sums[b] += mb * x / d[base + b];
          }
        }
      }
      double[] out = new double[width];
      for (int b = 0; b < width; b++) {
        out[b] = reference + FastMath.log(sums[b]);
      }
      return out;
    }

    private double[] ratios(int t, double reference, double[] zeta) {
      double[] out = new double[width];
      for (int b = 0; b < width; b++) {
        double count = 0.0;
        for (int s = starts[t]; s < starts[t + 1]; s++) {
          count += m[s * width + b];
        }
        out[b] = count == 0.0 ? 0.0 : count * FastMath.exp(reference - zeta[b]);
      }
      return out;
    }

    private void addTerm(int s, int t) {
      Pool.Iteration it = history.get(t);
      double reference = it.beta() == 0.0 ? 0.0 : it.logEvidence();
      double v = LogMath.tempered(it.beta(), pool.logLikelihood(s)) - reference;
      if (v == Double.NEGATIVE_INFINITY) {
        return;
      }
      int base = s * width;
      if (v > scale[s]) {
        double shrink = FastMath.exp(scale[s] - v);
        for (int b = 0; b < width; b++) {
          d[base + b] *= shrink;
        }
        scale[s] = v;
      }
      double x = FastMath.exp(v - scale[s]);
      double[] r = rho[t];
      for (int b = 0; b < width; b++) {
        d[base + b] += r[b] * x;
      }
    }
  }
}
