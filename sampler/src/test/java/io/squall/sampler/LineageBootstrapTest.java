package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Lineage trees, bootstrap multiplicities, determinism of σ̂, and the evidence analysis a run
 * ships.
 */
class LineageBootstrapTest {
  private static final SamplerSettings RUN = NormaliserSolverTest.RUN;

  /** Prior draws 0, 1, 2; iteration 1 resampled from 0, 0, 2; iteration 2 from particles 3 and 5. */
  static Pool handPool() {
    Pool pool = new Pool(1);
    pool.add(0.0, 0.0, new double[][] {{0.1}, {0.2}, {0.3}}, new double[] {-1, -2, -3}, new int[] {-1, -1, -1});
    double z1 = pool.logEvidence(0.5);
    pool.add(0.5, z1, new double[][] {{0.1}, {0.15}, {0.3}}, new double[] {-1, -1.5, -3}, new int[] {0, 0, 2});
    double z2 = pool.logEvidence(1.0);
    pool.add(1.0, z2, new double[][] {{0.12}, {0.31}}, new double[] {-1.2, -3.1}, new int[] {3, 5});
    return pool;
  }

  @Test
  void rootsFollowParentsToThePriorDraws() {
    assertArrayEquals(new int[] {0, 1, 2, 0, 0, 2, 0, 2}, LineageBootstrap.roots(handPool()));
  }

  @Test
  void effectiveLineagesCountTreesByPosteriorMass() {
    Pool pool = handPool();
    // tree 0 holds 0.1 + 0.2 + 0.1 + 0.1 = 0.5, tree 1 0.1, tree 2 0.1 + 0.2 + 0.1 = 0.4
    double[] weights = {0.1, 0.1, 0.1, 0.2, 0.1, 0.2, 0.1, 0.1};
    assertEquals(1.0 / (0.25 + 0.01 + 0.16), LineageBootstrap.effectiveLineages(pool, weights), 1e-12);
  }

  @Test
  void lineageMultiplicitiesAreSharedByTreesAndKeepIterationCounts() {
    Pool pool = NormaliserSolverTest.runPool(TestModels.gaussian(2, 0.0), RUN);
    TemperedStates states = TemperedStates.of(pool);
    LineageBootstrap bootstrap = new LineageBootstrap(pool, states, NormaliserSolver.solve(states));
    UniformRandomProvider rng = RandomStreams.create(4, RandomStreams.Purpose.BOOTSTRAP);
    int[] roots = LineageBootstrap.roots(pool);
    for (int replicate = 0; replicate < 5; replicate++) {
      double[] m = bootstrap.lineageMultiplicities(rng);
      double[] perIteration = new double[pool.iterationCount()];
      for (int s = 0; s < pool.size(); s++) {
        perIteration[pool.iterationOf(s)] += m[s];
        int p = pool.parentOf(s);
        if (p >= 0 && pool.iterationOf(p) == pool.iterationOf(s) - 1 && roots[p] == roots[s]) {
          assertTrue(m[p] > 0 == m[s] > 0, "a tree is in or out as a whole");
        }
      }
      List<Pool.Iteration> history = pool.history();
      for (int t = 0; t < perIteration.length; t++) {
        assertEquals(history.get(t).count(), perIteration[t], 1e-9, "iteration " + t);
      }
      double[] stratified = bootstrap.stratifiedMultiplicities(rng);
      double total = 0;
      for (double x : stratified) {
        assertEquals(Math.rint(x), x);
        total += x;
      }
      assertEquals(pool.size(), total, 0.0);
    }
  }

  @Test
  void sameSeedSameErrorAnotherSeedAnother() {
    Pool pool = NormaliserSolverTest.runPool(TestModels.gaussian(3, 0.3), RUN);
    TemperedStates states = TemperedStates.of(pool);
    NormaliserSolver.Solution solution = NormaliserSolver.solve(states);
    LineageBootstrap.Result a = LineageBootstrap.run(pool, states, solution, 50,
        RandomStreams.create(7, RandomStreams.Purpose.BOOTSTRAP));
    LineageBootstrap.Result b = LineageBootstrap.run(pool, states, solution, 50,
        RandomStreams.create(7, RandomStreams.Purpose.BOOTSTRAP));
    LineageBootstrap.Result c = LineageBootstrap.run(pool, states, solution, 50,
        RandomStreams.create(8, RandomStreams.Purpose.BOOTSTRAP));
    assertEquals(a, b);
    assertNotEquals(a.resolved(), c.resolved());
  }

  @Test
  void aRunShipsTheResolvedEstimateWithAPositiveFiniteError() {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerResult r = SequentialDriver.run(model, RUN);
    EvidenceReport e = r.evidence();
    assertEquals(EvidenceReport.Estimator.RESOLVED, e.estimator());
    assertEquals(EvidenceReport.ErrorMethod.LINEAGE_BOOTSTRAP, e.errorMethod());
    assertEquals(e.logEvidenceResolved(), r.logEvidence());
    assertEquals(e.logEvidenceError(), r.logEvidenceError());
    assertTrue(r.logEvidenceError() > 0 && Double.isFinite(r.logEvidenceError()), "σ̂ = " + r.logEvidenceError());
    assertTrue(e.logEvidenceErrorPersistent() > 0 && Double.isFinite(e.logEvidenceErrorPersistent()));
    assertTrue(e.effectiveLineages() >= 1 && e.dependenceRatio() > 0);
    assertEquals(LineageBootstrap.DEFAULT_REPLICATES, e.bootstrapReplicates());
    assertEquals(1, e.replicas());
    // the estimate is within a few σ̂ of the truth (4σ̂: a false alarm below 1e-4 if calibrated)
    assertTrue(Math.abs(r.logEvidence() - TestModels.gaussianLogEvidence(3)) < 4 * r.logEvidenceError());
    double sum = 0;
    for (double w : r.posterior().weights()) {
      sum += w;
    }
    assertEquals(1.0, sum, 1e-12);
    assertEquals(1.96 * e.logEvidenceError(), e.halfWidth(0.95), 1e-3 * e.logEvidenceError());
  }

  @Test
  void sameSeedGivesTheSameReport() {
    Model model = TestModels.gaussian(2, 0.0);
    assertEquals(SequentialDriver.run(model, RUN).evidence(), SequentialDriver.run(model, RUN).evidence());
  }

  /** Two particles per iteration: one lineage carries everything, and the linearisation breaks down. */
  @Test
  void aDegenerateRunWarns() {
    SamplerResult r = SequentialDriver.run(TestModels.gaussian(2, 0.0), SamplerSettings.builder()
        .activeParticles(2).effectiveParticles(2).totalSamples(4).seed(3).build());
    List<String> warnings = r.warnings();
    assertTrue(warnings.stream().anyMatch(w -> w.contains("effective lineages")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("linearised re-solve is unreliable")), warnings.toString());
    assertTrue(Double.isFinite(r.logEvidence()));
  }

  @Test
  void diagnosticsBeyondTheirThresholdsWarn() {
    assertEquals(List.of(), EvidenceAnalysis.warnings(0.1, 200, 1.1));
    List<String> few = EvidenceAnalysis.warnings(0.1, 4, 1.1);
    assertEquals(1, few.size());
    assertTrue(few.get(0).contains("4.0 effective lineages"), few.get(0));
    List<String> poor = EvidenceAnalysis.warnings(0.1, 200, 4.5);
    assertEquals(1, poor.size());
    assertTrue(poor.get(0).contains("4.5 times"), poor.get(0));
    assertEquals(3, EvidenceAnalysis.warnings(Double.NaN, 4, 4.5).size());
  }
}
