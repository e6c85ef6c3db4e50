package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static void assertIdentical(SamplerResult a, SamplerResult b) {
    assertEquals(Double.doubleToLongBits(a.logEvidence()), Double.doubleToLongBits(b.logEvidence()));
    assertEquals(a.likelihoodCalls(), b.likelihoodCalls());
    assertEquals(a.diagnostics(), b.diagnostics());
    assertArrayEquals(a.posterior().weights(), b.posterior().weights());
    assertArrayEquals(a.posterior().logLikelihoods(), b.posterior().logLikelihoods());
    for (int i = 0; i < a.posterior().size(); i++) {
      assertArrayEquals(a.posterior().theta(i), b.posterior().theta(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Kernel.class)
  void sameSeedTwiceIsBitIdentical(Kernel kernel) {
    SamplerSettings settings = AskTellTest.SMALL.toBuilder().kernel(kernel).resampling(Resampling.MULTINOMIAL).build();
    Model model = TestModels.gaussian(3, 0.3);
    assertIdentical(SequentialDriver.run(model, settings), SequentialDriver.run(model, settings));
  }

  @Test
  void anotherSeedGivesAnotherRun() {
    Model model = TestModels.gaussian(3, 0.3);
    SamplerResult a = SequentialDriver.run(model, AskTellTest.SMALL);
    SamplerResult b = SequentialDriver.run(model, AskTellTest.SMALL.toBuilder().seed(6).build());
    assertNotEquals(a.logEvidence(), b.logEvidence());
  }

  @Test
  void vectorizedAndPerPointLikelihoodsGiveTheSameRun() {
    Model perPoint = TestModels.gaussian(2, 0);
    Model vectorized = Model.vectorized(Prior.uniformBox(2, -10, 10), perPoint::logLikelihoods);
    assertIdentical(SequentialDriver.run(perPoint, AskTellTest.SMALL), SequentialDriver.run(vectorized, AskTellTest.SMALL));
  }
}
