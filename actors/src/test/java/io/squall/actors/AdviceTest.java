package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Strategy advice and the worker-count warning. */
class AdviceTest {
  @Test
  void cheapLikelihoodsShouldBeVectorized() {
    String advice = Advice.strategy(2e-4);
    assertTrue(advice.startsWith("The likelihood takes 200 µs per point"), advice);
    assertTrue(advice.contains("vectorize"), advice);
  }

  @Test
  void millisecondLikelihoodsFitLocalWorkers() {
    assertTrue(Advice.strategy(0.005).contains("local workers"));
    assertTrue(Advice.strategy(0.1).contains("local workers"));
  }

  @Test
  void slowLikelihoodsFitACluster() {
    String advice = Advice.strategy(2.5);
    assertTrue(advice.contains("2.50 s per point"), advice);
    assertTrue(advice.contains("cluster"), advice);
  }

  @Test
  void nothingMeasuredSaysSo() {
    assertEquals("No likelihood time was measured.", Advice.strategy(Double.NaN));
  }

  @Test
  void activeParticlesNotAMultipleOfWorkersIsWarned() {
    String warning = Advice.workerCountWarning(250, 4).orElseThrow();
    assertTrue(warning.contains("leaves 2 workers idle; 248 or 252"), warning);
    assertEquals(Optional.empty(), Advice.workerCountWarning(256, 4));
    assertEquals(Optional.empty(), Advice.workerCountWarning(255, 1));
    assertTrue(Advice.workerCountWarning(3, 4).orElseThrow().contains("leaves 1 worker idle; 4 would"));
  }
}
