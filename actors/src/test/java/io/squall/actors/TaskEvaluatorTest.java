package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFailureException;
import io.squall.sampler.Prior;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failing task names its culprit point, unless the model as a whole failed. */
class TaskEvaluatorTest {
  private static final double[][] POINTS = {{0.1, 0.1}, {0.2, 0.2}, {0.7, 0.7}, {0.9, 0.9}};

  @Test
  void thePointThatThrowsOnItsOwnIsNamed() {
    Model model = Model.of(Prior.uniformBox(2, 0, 1), t -> {
      if (t[0] > 0.5) {
        throw new IllegalStateException("bad point " + t[0]);
      }
      return -t[0];
    });
    TaskEvaluator.Outcome outcome = TaskEvaluator.evaluate(model, POINTS, 10);
    assertFalse(outcome.ok());
    assertEquals(12, outcome.failedIndex(), "batch index of the third point of a task starting at 10");
    assertTrue(outcome.error().contains("bad point 0.7"), outcome.error());
  }

  @Test
  void aFailureOfTheWholeModelBlamesNoPointAndIsNotRetriedPointByPoint() {
    AtomicInteger calls = new AtomicInteger();
    Model model = Model.of(Prior.uniformBox(2, 0, 1), t -> {
      calls.incrementAndGet();
      throw new ModelFailureException("the child wrote garbage: 0x41 0x42");
    });
    TaskEvaluator.Outcome outcome = TaskEvaluator.evaluate(model, POINTS, 10);
    assertFalse(outcome.ok());
    assertEquals(-1, outcome.failedIndex(), "no point is to blame");
    assertEquals(1, calls.get(), "the points were not tried one by one");
    assertTrue(outcome.error().contains("garbage: 0x41 0x42"), outcome.error());
  }
}
