package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Derived values ("blobs"): stored with their particle, they must follow it through resampling
 * and accepted MCMC moves. The test model's derived values are functions of θ, so every particle of
 * the final pool must carry exactly the values of its own θ — a value left behind by a move, or
 * taken from the wrong parent, would break that equality.
 */
class DerivedValuesTest {
  private static final SamplerSettings SMALL = SamplerSettings.builder().activeParticles(64)
      .effectiveParticles(128).totalSamples(512).seed(11).build();
  private static final Model PLAIN = TestModels.gaussian(3, 0.3);

  /** radius2 = |θ|² and first = θ₀, returned with the plain model's log-likelihood. */
  private static Model withDerived() {
    return Model.withDerived(Prior.uniformBox(3, -10, 10), List.of("radius2", "first"),
        theta -> new Evaluation.Point(PLAIN.logLikelihoods(new double[][] {theta})[0],
            new double[] {radius2(theta), theta[0]}));
  }

  private static double radius2(double[] theta) {
    double sum = 0.0;
    for (double t : theta) {
      sum += t * t;
    }
    return sum;
  }

  @Test
  void everyParticleCarriesTheDerivedValuesOfItsOwnTheta() {
    Posterior posterior = SequentialDriver.run(withDerived(), SMALL).posterior();
    assertEquals(List.of("radius2", "first"), posterior.derivedNames());
    for (int i = 0; i < posterior.size(); i++) {
      double[] theta = posterior.theta(i);
      assertEquals(radius2(theta), posterior.derived(i, 0), "radius2 of particle " + i);
      assertEquals(theta[0], posterior.derived(i, 1), "first of particle " + i);
    }
  }

  @Test
  void derivedValuesDoNotChangeTheRun() {
    SamplerResult plain = SequentialDriver.run(PLAIN, SMALL);
    SamplerResult derived = SequentialDriver.run(withDerived(), SMALL);
    assertEquals(Double.doubleToLongBits(plain.logEvidence()), Double.doubleToLongBits(derived.logEvidence()));
    assertEquals(plain.likelihoodCalls(), derived.likelihoodCalls());
    assertArrayEquals(plain.posterior().weights(), derived.posterior().weights());
    assertArrayEquals(plain.posterior().thetas(), derived.posterior().thetas());
    assertTrue(plain.posterior().derivedNames().isEmpty());
  }

  @Test
  void vectorizedFormAndBuilderGiveTheSameDerivedValues() {
    Posterior pointwise = SequentialDriver.run(withDerived(), SMALL).posterior();
    BatchEvaluation batch = thetas -> {
      double[] values = PLAIN.logLikelihoods(thetas);
      double[][] extras = new double[thetas.length][];
      for (int i = 0; i < thetas.length; i++) {
        extras[i] = new double[] {radius2(thetas[i]), thetas[i][0]};
      }
      return new Evaluation(values, extras);
    };
    Posterior vectorized = Squall.sampler().prior(Prior.uniformBox(3, -10, 10))
        .vectorizedLogLikelihood(List.of("radius2", "first"), batch)
        .activeParticles(64).effectiveParticles(128).totalSamples(512).seed(11).run().posterior();
    assertArrayEquals(pointwise.derived(), vectorized.derived());
    assertEquals(pointwise.derivedNames(), vectorized.derivedNames());
  }

  /** The summary's derivedMean is Σᵢ wᵢ·xᵢ. */
  @Test
  void derivedMeanIsTheWeightedMeanOverParticles() {
    Posterior posterior = SequentialDriver.run(withDerived(), SMALL).posterior();
    double direct = 0.0;
    for (int i = 0; i < posterior.size(); i++) {
      direct += posterior.weight(i) * radius2(posterior.theta(i));
    }
    assertEquals(direct, posterior.derivedMean()[0], 1e-12);
  }

  @Test
  void anEvaluationWithTheWrongNumberOfDerivedValuesIsRefusedNamingThem() {
    Model liar = Model.withDerived(Prior.uniformBox(2, -1, 1), List.of("a", "b"),
        theta -> new Evaluation.Point(0.0, new double[] {1.0}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SequentialDriver.run(liar, SMALL));
    assertTrue(e.getMessage().contains("declares 2 derived values [a, b]"), e.getMessage());
  }

  @Test
  void derivedNamesMustBeDistinctFromEachOtherAndFromParameters() {
    SettingsException e = assertThrows(SettingsException.class, () -> Model.withDerived(
        Prior.uniformBox(2, -1, 1), List.of("x0", "r", "r", " "), theta -> Evaluation.Point.of(0.0)));
    assertTrue(e.getMessage().contains("'x0'"), e.getMessage());
    assertTrue(e.getMessage().contains("'r'"), e.getMessage());
    assertTrue(e.getMessage().contains("non-blank"), e.getMessage());
  }

  @Test
  void tellingBareLogLikelihoodsToAModelWithDerivedValuesIsRefused() {
    PersistentSampler sampler = PersistentSampler.create(withDerived(), SMALL);
    Batch batch = (Batch) sampler.next();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sampler.tell(batch.id(), new double[batch.size()]));
    assertTrue(e.getMessage().contains("radius2"), e.getMessage());
  }
}
