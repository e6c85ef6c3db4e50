package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Evaluation;
import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A result too large for one message between nodes is reported as a failure naming the sizes, not
 * sent (Artery would drop it, and the run would wait for it until the stall timeout).
 */
class WorkerResultSizeTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** A 1-D model returning {@code count} derived values per point. */
  private static Model wide(int count) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      names.add("d" + k);
    }
    return Model.withDerived(Prior.uniformBox(1, 0, 1), names,
        theta -> new Evaluation.Point(-theta[0], new double[count]));
  }

  @Test
  void aResultAboveTheLimitIsAFailureWithTheSizes() {
    TestProbe<SamplerMaster.Command> master = KIT.createTestProbe();
    var worker = KIT.spawn(Worker.create(wide(200), master.getRef(), 1, 1000));
    master.expectMessageClass(SamplerMaster.RequestWork.class);
    worker.tell(new Worker.Evaluate(new TaskId(1, 0), new double[][] {{0.5}}));
    SamplerMaster.Failed failed = master.expectMessageClass(SamplerMaster.Failed.class);
    assertTrue(failed.error().contains("a result too large to send: 1 point(s) with 200 derived value(s) each make "
        + "1,608 bytes, more than the 1,000 bytes"), failed.error());
    assertTrue(failed.error().contains("squall.cluster.max-frame-size"), failed.error());
  }

  @Test
  void aResultWithinTheLimitIsSent() {
    TestProbe<SamplerMaster.Command> master = KIT.createTestProbe();
    var worker = KIT.spawn(Worker.create(wide(10), master.getRef(), 1, 1000));
    master.expectMessageClass(SamplerMaster.RequestWork.class);
    worker.tell(new Worker.Evaluate(new TaskId(1, 0), new double[][] {{0.5}, {0.25}}));
    SamplerMaster.Evaluated evaluated = master.expectMessageClass(SamplerMaster.Evaluated.class);
    assertEquals(2, evaluated.derived().length);
    assertEquals(-0.25, evaluated.logLikelihoods()[1]);
  }

  @Test
  void noLimitAndFailuresPassThrough() {
    TaskEvaluator.Outcome ok = TaskEvaluator.evaluate(wide(500), new double[][] {{0.5}}, 0);
    assertSame(ok, TaskEvaluator.limitSize(ok, 0));
    TaskEvaluator.Outcome failed = new TaskEvaluator.Outcome(null, 3, "E: x", 5);
    assertSame(failed, TaskEvaluator.limitSize(failed, 10));
  }
}
