package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The joint (MBAR / Vardi–Geyer) solve of the normalisers: closed-form cases, the fixed-point
 * equations checked independently on a real pool, sweeps against Newton steps, multiplicities
 * against duplicated particles, and the linearisation against exact re-solves.
 */
class NormaliserSolverTest {
  static final SamplerSettings RUN = SamplerSettings.builder()
      .activeParticles(64).effectiveParticles(128).totalSamples(512).seed(11).build();

  static Pool runPool(Model model, SamplerSettings settings) {
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    SequentialDriver.run(sampler);
    return sampler.pool();
  }

  /**
   * N_0 prior draws with L = a and N_1 draws at β = 1 with L = b. The β = 1 equation
   * Σ_s L_s/(N_0 + N_1 L_s/Z) = Z becomes, with u = N_0·Z, u² + (N_1 − N_0)·a·u − N_0·N_1·a·b = 0.
   * For N_0 = N_1 = 1 that is Z = √(ab).
   */
  @Test
  void twoStatesMatchTheClosedForm() {
    double la = -1.0;
    double lb = -4.0;
    NormaliserSolver.Solution one = solve(new double[] {la, lb}, new int[] {0, 1});
    assertEquals(0.5 * (la + lb), one.logNormaliser(1), 1e-12);

    double[] ell = {la, la, la, lb, lb};
    NormaliserSolver.Solution s = solve(ell, new int[] {0, 0, 0, 1, 1});
    double a = Math.exp(la);
    double b = Math.exp(lb);
    double n0 = 3;
    double n1 = 2;
    double p = (n1 - n0) * a;
    double u = 0.5 * (-p + Math.sqrt(p * p + 4 * n0 * n1 * a * b));
    assertEquals(Math.log(u / n0), s.logNormaliser(1), 1e-12);
    assertEquals(0.0, s.logNormaliser(0));
    assertTrue(s.converged());
  }

  private static NormaliserSolver.Solution solve(double[] ell, int[] states) {
    TemperedStates st = TemperedStates.of(ell, states, new double[] {0.0, 1.0}, new double[] {0.0, 0.0});
    return NormaliserSolver.solve(st);
  }

  /** Every ζ_k of a real run's pool solves ζ_k = log Σ_s exp(β_k ℓ_s)/Σ_j N_j exp(β_j ℓ_s − ζ_j). */
  @Test
  void solutionSolvesItsOwnEquationsOnARealPool() {
    Pool pool = runPool(TestModels.gaussian(3, 0.3), RUN);
    TemperedStates st = TemperedStates.of(pool);
    NormaliserSolver.Solution s = NormaliserSolver.solve(st);
    assertTrue(s.converged(), "residual " + s.residual());
    assertTrue(st.stateCount() >= 3, "states: " + st.stateCount());
    for (int k = 0; k < st.stateCount(); k++) {
      assertEquals(s.logNormaliser(k), selfConsistent(st, s.logNormalisers(), k), 1e-10, "state " + k);
    }
    assertEquals(0.0, s.logNormaliser(st.stateAt(0.0)));
  }

  private static void keepStateCounts(TemperedStates st, double[] m) {
    double[] sums = new double[st.stateCount()];
    for (int s = 0; s < m.length; s++) {
      sums[st.stateOf(s)] += m[s];
    }
    for (int s = 0; s < m.length; s++) {
      m[s] *= st.count(st.stateOf(s)) / sums[st.stateOf(s)];
    }
  }

  /** The right-hand side of state k's equation, with plain java.lang.Math. */
  static double selfConsistent(TemperedStates st, double[] zeta, int k) {
    double sum = 0.0;
    for (int s = 0; s < st.size(); s++) {
      double ell = st.logLikelihood(s);
      double denominator = 0.0;
      for (int j = 0; j < st.stateCount(); j++) {
        denominator += st.count(j) * Math.exp(tempered(st.beta(j), ell) - zeta[j]);
      }
      sum += Math.exp(tempered(st.beta(k), ell)) / denominator;
    }
    return Math.log(sum);
  }

  private static double tempered(double beta, double ell) {
    return beta == 0.0 ? 0.0 : beta * ell;
  }

  @Test
  void sweepsAgreeWithNewtonSteps() {
    Pool pool = runPool(TestModels.gaussian(2, 0.0), RUN);
    TemperedStates st = TemperedStates.of(pool);
    NormaliserSolver.Solution newton = NormaliserSolver.solve(st);
    NormaliserSolver.Solution sweeps = NormaliserSolver.solveBySweeps(st, null, st.storedLogNormalisers());
    assertTrue(newton.steps() < 10, "Newton steps: " + newton.steps());
    for (int k = 0; k < st.stateCount(); k++) {
      assertEquals(newton.logNormaliser(k), sweeps.logNormaliser(k), 1e-9, "state " + k);
    }
  }

  @Test
  void aMultiplicityOfTwoIsADuplicatedParticle() {
    double[] ell = {-1.0, -3.0, -0.5, -2.0, -0.2, -0.7};
    int[] states = {0, 0, 1, 1, 2, 2};
    double[] betas = {0.0, 0.4, 1.0};
    double[] m = {1, 2, 1, 1, 3, 1};
    NormaliserSolver.Solution weighted = NormaliserSolver.solve(TemperedStates.of(ell, states, betas,
        new double[3]), m, new double[3]);
    double[] ellDup = {-1.0, -3.0, -3.0, -0.5, -2.0, -0.2, -0.2, -0.2, -0.7};
    int[] statesDup = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    NormaliserSolver.Solution dup = NormaliserSolver.solve(TemperedStates.of(ellDup, statesDup, betas, new double[3]));
    for (int k = 0; k < 3; k++) {
      assertEquals(dup.logNormaliser(k), weighted.logNormaliser(k), 1e-12, "state " + k);
    }
  }

  /** Without particles at β = 1, its normaliser is plain Monte Carlo over the prior draws. */
  @Test
  void aStateWithoutParticlesIsEvaluatedFromTheOthers() {
    double[] ell = {-1.0, -2.0, -0.5};
    NormaliserSolver.Solution s = NormaliserSolver.solve(TemperedStates.of(ell, new int[] {0, 0, 0},
        new double[] {0.0, 1.0}, new double[2]));
    double mean = (Math.exp(-1.0) + Math.exp(-2.0) + Math.exp(-0.5)) / 3;
    assertEquals(Math.log(mean), s.logNormaliser(1), 1e-14);
  }

  @Test
  void priorDrawsAreRequired() {
    TemperedStates st = TemperedStates.of(new double[] {-1.0}, new int[] {0}, new double[] {0.5}, new double[1]);
    assertThrows(IllegalArgumentException.class, () -> NormaliserSolver.solve(st));
  }

  /**
   * One Newton step is exact to first order: its error is small against the change it predicts.
   * Multiplicities keep every state's count (as the bootstrap's renormalisation does).
   */
  @Test
  void linearisationFollowsExactResolvesToFirstOrder() {
    Pool pool = runPool(TestModels.gaussian(3, 0.3), RUN);
    TemperedStates st = TemperedStates.of(pool);
    NormaliserSolver.Solution s = NormaliserSolver.solve(st);
    int last = st.stateAt(1.0);
    NormaliserSolver.Linearisation lin = NormaliserSolver.linearisation(st, s);
    UniformRandomProvider rng = RandomStreams.create(3, RandomStreams.Purpose.BOOTSTRAP);
    for (double epsilon : new double[] {0.01, 0.1}) {
      double[] m = new double[st.size()];
      Arrays.setAll(m, i -> 1 + epsilon * (2 * rng.nextDouble() - 1));
      keepStateCounts(st, m);
      double exact = NormaliserSolver.solve(st, m, s.logNormalisers()).logNormaliser(last);
      double linear = lin.logNormalisers(last, m, 1)[0];
      double change = Math.abs(exact - s.logNormaliser(last));
      assertTrue(change > 0);
      assertTrue(Math.abs(exact - linear) < 0.1 * change, "epsilon " + epsilon + ": exact " + exact
          + " linear " + linear + " change " + change);
    }
  }
}
