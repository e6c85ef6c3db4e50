package io.squall.sampler;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.FastMath;

/**
 * Solves the normalisers of all tempered states jointly and self-consistently over the whole pool:
 * the fixed point of the balance-heuristic (MBAR, Vardi–Geyer "reverse logistic regression")
 * equations, instead of the per-iteration plug-ins ζ_t the run stored while it went.
 *
 * <p>With particles s (log-likelihood ℓ_s, multiplicity m_s, default 1) grouped into states k of
 * inverse temperature β_k holding N_k = Σ_{s∈k} m_s of them ({@link TemperedStates}):
 *
 * <pre>
 *   L_s = log Σ_j N_j · exp(β_j ℓ_s − ζ_j)                 (the mixture denominator)
 *   ζ_k = log Σ_s m_s · exp(β_k ℓ_s − L_s)   for every k,   ζ = 0 at β = 0 (the normalised prior)
 * </pre>
 *
 * The solution minimises the convex function F(ζ) = Σ_s m_s L_s + Σ_k N_k ζ_k (Geyer 1994; Shirts
 * &amp; Chodera, J. Chem. Phys. 129, 2008), with gradient N_k − A_k, A_k = Σ_s m_s u_sk,
 * u_sk = N_k exp(β_k ℓ_s − ζ_k − L_s), and Hessian A_k δ_kl − Σ_s m_s u_sk u_sl. It is found by
 * damped Newton steps from the stored values: each step costs one O(N·K) gradient pass, and the
 * Hessian (an O(N·K²) pass, less where shares are negligible) is recomputed only when progress
 * slows — on the reference problems 6–8 steps to a residual below 1e-12. With
 * more than {@link #MAX_NEWTON_STATES} states it uses self-consistent sweeps
 * ζ_k ← ζ_k + log(A_k/N_k) (O(N·K) each, slower to converge). The residual is the largest change a further sweep would make, max_k
 * |log(A_k/N_k) − log(A_0/N_0)| with 0 the β = 0 state.
 *
 * <p>Evaluated at the run's stored ζ_t instead of the solution, the same formula for ζ at β = 1 is
 * the persistent estimate of Karamanis &amp; Seljak (2025); the joint solve makes every state's
 * normaliser consistent with every particle drawn afterwards.
 */
public final class NormaliserSolver {
  /** Convergence: the largest remaining sweep update of any ζ_k. */
  public static final double TOLERANCE = 1e-12;
  /** Cap on Newton steps. */
  public static final int MAX_NEWTON_STEPS = 100;
  /** Above this many states, self-consistent sweeps replace Newton steps. */
  public static final int MAX_NEWTON_STATES = 512;
  /** A step that shrinks the residual less than this factor triggers a fresh Hessian. */
  private static final double REFRESH = 0.25;
  /** Shares u_sk below this are left out of the Hessian (not of the gradient). */
  private static final double NEGLIGIBLE = 1e-14;
  /** Cap on self-consistent sweeps. */
  public static final int MAX_SWEEPS = 2000;

  /**
   * The normalisers ζ_k of every state (index as in {@link TemperedStates}).
   *
   * @param logNormalisers ζ_k
   * @param steps Newton steps or sweeps taken
   * @param residual the largest change a further sweep would make
   * @param converged whether the residual reached {@link #TOLERANCE} (or stalled below 1e-8)
   */
  public record Solution(double[] logNormalisers, int steps, double residual, boolean converged) {
    public double logNormaliser(int k) {
      return logNormalisers[k];
    }
  }

  private final TemperedStates states;
  private final double[] multiplicities;
  private final double[] logCounts;
  private final boolean[] active;
  private final int fixed;
  private final int[] free;
  private final int[] activeIndices;

  private NormaliserSolver(TemperedStates states, double[] multiplicities) {
    this.states = states;
    this.multiplicities = multiplicities;
    int k = states.stateCount();
    double[] counts = new double[k];
    for (int s = 0; s < states.size(); s++) {
      counts[states.stateOf(s)] += multiplicity(s);
    }
    this.logCounts = new double[k];
    this.active = new boolean[k];
    for (int j = 0; j < k; j++) {
      active[j] = counts[j] > 0;
      logCounts[j] = active[j] ? FastMath.log(counts[j]) : Double.NEGATIVE_INFINITY;
    }
    this.fixed = states.stateAt(0.0);
    if (fixed < 0 || !active[fixed]) {
      throw new IllegalArgumentException("the joint solve needs prior draws (a state at beta = 0)");
    }
    this.activeIndices = IntStream.range(0, k).filter(j -> active[j]).toArray();
    this.free = IntStream.range(0, k).filter(j -> active[j] && j != fixed).toArray();
  }

  /** The solution for {@code states} with unit multiplicities, from the stored normalisers. */
  public static Solution solve(TemperedStates states) {
    return solve(states, null, states.storedLogNormalisers());
  }

  /**
   * The solution with particle multiplicities {@code multiplicities} (null for all 1; zero drops a
   * particle; a state left with none is no mixture component and its ζ is evaluated from the
   * others), starting from {@code start}.
   */
  public static Solution solve(TemperedStates states, double[] multiplicities, double[] start) {
    NormaliserSolver solver = new NormaliserSolver(states, multiplicities);
    return solver.run(start, solver.free.length + 1 <= MAX_NEWTON_STATES);
  }

  /** The solution by self-consistent sweeps only (to cross-check the Newton steps). */
  static Solution solveBySweeps(TemperedStates states, double[] multiplicities, double[] start) {
    return new NormaliserSolver(states, multiplicities).run(start, false);
  }

  /** β ℓ_s − L_s for every particle (unnormalised log-weights at β; multiplicities not applied). */
  public static double[] logWeights(TemperedStates states, double[] logNormalisers, double beta) {
    return new NormaliserSolver(states, null).logWeights(logNormalisers, beta);
  }

  /**
   * The first-order response of the solution to new particle multiplicities (one Newton step from
   * the unit-multiplicity solution with its Hessian): ζ*_k ≈ ζ_k − [H⁻¹ g*]_k, g*_j = N*_j − A*_j at
   * the solution. This is the linearised (delta-method) version of re-solving with multiplicities,
   * used for bootstrap replicates: one O(N·K²) pass for H, then O(N·K) per replicate. The
   * multiplicities are meant to keep every state's count N_k (as the bootstrap's renormalisation per
   * iteration does); u_sk is taken at the unit-multiplicity counts.
   */
  public static Linearisation linearisation(TemperedStates states, Solution solution) {
    return new NormaliserSolver(states, null).new Linearisation(solution.logNormalisers());
  }

  /** See {@link #linearisation}. */
  public final class Linearisation {
    private final double[] zeta;
    private final DecompositionSolver hessian;

    private Linearisation(double[] zeta) {
      this.zeta = zeta.clone();
      this.hessian = decompose(pass(this.zeta, true));
    }

    /**
     * ζ*_state for {@code width} multiplicity vectors at once ({@code multiplicities[s·width + b]}
     * is m_s of replicate b).
     */
    public double[] logNormalisers(int state, double[] multiplicities, int width) {
      int k = states.stateCount();
      double[][] residual = new double[width][k];
      double[] a = new double[k];
      for (int s = 0; s < states.size(); s++) {
        shares(s, zeta, a);
        int home = states.stateOf(s);
        for (int b = 0; b < width; b++) {
          double m = multiplicities[s * width + b];
          if (m != 0.0) {
            double[] r = residual[b];
            r[home] += m;
            for (int j : free) {
              r[j] -= m * a[j];
            }
          }
        }
      }
      double[] row = inverseRow(state);
      double[] out = new double[width];
      for (int b = 0; b < width; b++) {
        double step = 0.0;
        for (int i = 0; i < free.length; i++) {
          step -= row[i] * residual[b][free[i]];
        }
        out[b] = zeta[state] + step;
      }
      return out;
    }

    /** Row {@code state} of H⁻¹ over the free states (H is symmetric); zeros for the fixed state. */
    private double[] inverseRow(int state) {
      double[] row = new double[free.length];
      if (state == fixed) {
        return row;
      }
      for (int i = 0; i < free.length; i++) {
        row[i] = free[i] == state ? 1.0 : 0.0;
      }
      if (hessian == null) {
        Arrays.fill(row, Double.NaN);
        return row;
      }
      return hessian.solve(new ArrayRealVector(row, false)).toArray();
    }
  }

  private double[] logWeights(double[] zeta, double beta) {
    double[] out = new double[states.size()];
    double[] a = new double[states.stateCount()];
    for (int s = 0; s < out.length; s++) {
      out[s] = LogMath.tempered(beta, states.logLikelihood(s)) - shares(s, zeta, a);
    }
    return out;
  }

  private double multiplicity(int s) {
    return multiplicities == null ? 1.0 : multiplicities[s];
  }

  private Solution run(double[] start, boolean byNewton) {
    double[] zeta = start.clone();
    gauge(zeta);
    Solution solution = byNewton ? newton(zeta) : sweeps(zeta);
    evaluateInactive(solution.logNormalisers());
    return solution;
  }

  /**
   * Damped Newton steps. The Hessian (the costly part of a pass) is recomputed only when a step
   * gained less than a factor {@link #REFRESH} on the residual; otherwise the last one is reused
   * (a chord step), each trial then costing one gradient pass.
   */
  private Solution newton(double[] start) {
    double[] zeta = start;
    Pass current = pass(zeta, true);
    DecompositionSolver hessian = decompose(current);
    boolean fresh = true;
    int step = 0;
    while (current.residual > TOLERANCE && step < MAX_NEWTON_STEPS) {
      double[] direction = newtonDirection(hessian, current);
      Pass accepted = null;
      double[] trial = null;
      for (double alpha = 1.0; alpha > 1e-9 && accepted == null; alpha *= 0.5) {
        trial = moved(zeta, direction, alpha);
        Pass next = pass(trial, false);
        if (next.objective <= current.objective + 1e-4 * alpha * dot(current.gradient, direction)
            || next.residual < current.residual) {
          accepted = next;
        }
      }
      step++;
      if (accepted == null && fresh) {
        break;
      }
      boolean slow = accepted == null || accepted.residual > REFRESH * current.residual;
      if (accepted != null) {
        zeta = trial;
      }
      current = slow ? pass(zeta, true) : accepted;
      hessian = slow ? decompose(current) : hessian;
      fresh = slow;
    }
    return new Solution(zeta, step, current.residual, converged(current.residual, step));
  }

  private Solution sweeps(double[] start) {
    double[] zeta = start;
    Pass current = pass(zeta, false);
    int sweep = 0;
    while (current.residual > TOLERANCE && sweep < MAX_SWEEPS) {
      for (int j : free) {
        zeta[j] += FastMath.log(current.mass[j]) - logCounts[j]
            - (FastMath.log(current.mass[fixed]) - logCounts[fixed]);
      }
      current = pass(zeta, false);
      sweep++;
    }
    return new Solution(zeta, sweep, current.residual, converged(current.residual, sweep));
  }

  private static boolean converged(double residual, int steps) {
    return residual <= TOLERANCE || (residual < 1e-8 && steps > 0);
  }

  /** Accumulators of one pass over the particles at ζ. */
  private static final class Pass {
    double objective;
    double[] mass;
    double[][] cross;
    double[] gradient;
    double residual;
  }

  private Pass pass(double[] zeta, boolean hessian) {
    int k = states.stateCount();
    Pass p = new Pass();
    p.mass = new double[k];
    p.cross = hessian ? new double[k][k] : null;
    double[] a = new double[k];
    for (int s = 0; s < states.size(); s++) {
      double m = multiplicity(s);
      if (m == 0.0) {
        continue;
      }
      p.objective += m * shares(s, zeta, a);
      for (int j : activeIndices) {
        p.mass[j] += m * a[j];
      }
      if (hessian) {
        accumulateCross(p.cross, a, m);
      }
    }
    finishPass(p, zeta);
    return p;
  }

  /**
   * L_s at ζ; leaves the shares u_sj = N_j exp(β_j ℓ_s − ζ_j − L_s) of the active states j (which
   * sum to 1) in {@code u}.
   */
  private double shares(int s, double[] zeta, double[] u) {
    double ell = states.logLikelihood(s);
    double max = Double.NEGATIVE_INFINITY;
    for (int j : activeIndices) {
      u[j] = logCounts[j] + LogMath.tempered(states.beta(j), ell) - zeta[j];
      max = Math.max(max, u[j]);
    }
    double sum = 0.0;
    for (int j : activeIndices) {
      u[j] = FastMath.exp(u[j] - max);
      sum += u[j];
    }
    for (int j : activeIndices) {
      u[j] /= sum;
    }
    return max + FastMath.log(sum);
  }

  /**
   * Adds m·u_j·u_l over the free states j ≤ l (the upper triangle; {@code free} is ascending) where
   * u is not negligible (u &gt; {@link #NEGLIGIBLE}).
   */
  private void accumulateCross(double[][] cross, double[] u, double m) {
    int[] significant = new int[free.length];
    int count = 0;
    for (int j : free) {
      if (u[j] > NEGLIGIBLE) {
        significant[count++] = j;
      }
    }
    for (int x = 0; x < count; x++) {
      int j = significant[x];
      double mu = m * u[j];
      double[] row = cross[j];
      for (int y = x; y < count; y++) {
        row[significant[y]] += mu * u[significant[y]];
      }
    }
  }

  private void finishPass(Pass p, double[] zeta) {
    p.gradient = new double[zeta.length];
    double reference = FastMath.log(p.mass[fixed]) - logCounts[fixed];
    double residual = 0.0;
    for (int j : activeIndices) {
      p.objective += FastMath.exp(logCounts[j]) * zeta[j];
      p.gradient[j] = FastMath.exp(logCounts[j]) - p.mass[j];
      double update = FastMath.log(p.mass[j]) - logCounts[j] - reference;
      residual = Math.max(residual, Double.isNaN(update) ? Double.POSITIVE_INFINITY : Math.abs(update));
    }
    p.residual = residual;
  }

  /** H_il = A_i δ_il − Σ_s m_s u_si u_sl over the free states. */
  private double[][] hessian(Pass p) {
    int n = free.length;
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < n; l++) {
        h[i][l] = (i == l ? p.mass[free[i]] : 0.0) - p.cross[free[Math.min(i, l)]][free[Math.max(i, l)]];
      }
    }
    return h;
  }

  /** The LU decomposition of H at {@code p}, or null if H is singular. */
  private DecompositionSolver decompose(Pass p) {
    if (free.length == 0) {
      return null;
    }
    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(hessian(p), false), 1e-300)
        .getSolver();
    return solver.isNonSingular() ? solver : null;
  }

  /** δ solving H δ = −g over the free states (a sweep step if H is singular). */
  private double[] newtonDirection(DecompositionSolver hessian, Pass p) {
    int n = free.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = -p.gradient[free[i]];
    }
    double[] direction = new double[states.stateCount()];
    if (hessian != null) {
      RealVector delta = hessian.solve(new ArrayRealVector(g, false));
      for (int i = 0; i < n; i++) {
        direction[free[i]] = delta.getEntry(i);
      }
    } else {
      double reference = FastMath.log(p.mass[fixed]) - logCounts[fixed];
      for (int j : free) {
        direction[j] = FastMath.log(p.mass[j]) - logCounts[j] - reference;
      }
    }
    return direction;
  }

  private static double[] moved(double[] zeta, double[] direction, double alpha) {
    double[] out = zeta.clone();
    for (int j = 0; j < out.length; j++) {
      out[j] += alpha * direction[j];
    }
    return out;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0.0;
    for (int j = 0; j < x.length; j++) {
      sum += x[j] * y[j];
    }
    return sum;
  }

  private void gauge(double[] zeta) {
    double shift = zeta[fixed];
    for (int j = 0; j < zeta.length; j++) {
      zeta[j] -= shift;
    }
    zeta[fixed] = 0.0;
  }

  /** ζ of states without particles (not mixture components): evaluated from the solved mixture. */
  private void evaluateInactive(double[] zeta) {
    for (int j = 0; j < zeta.length; j++) {
      if (!active[j]) {
        double[] terms = logWeights(zeta, states.beta(j));
        for (int s = 0; s < terms.length; s++) {
          terms[s] += FastMath.log(multiplicity(s));
        }
        zeta[j] = LogMath.logSumExp(terms);
      }
    }
  }
}
