package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.LikelihoodException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The master's pull protocol, with test probes as workers (messages are serialized). */
class SamplerMasterTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Duration QUIET = Duration.ofMillis(150);

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private final CompletableFuture<RunResult> outcome = new CompletableFuture<>();

  private ActorRef<SamplerMaster.Command> master(int... batchSizes) {
    LocalOptions options = LocalOptions.builder().workers(1).pointsPerTask(1).maxRetries(1)
        .stallTimeout(Duration.ofSeconds(20)).build();
    return KIT.spawn(SamplerMaster.create(new SamplingRunTest.FakeSource(batchSizes), options, outcome));
  }

  private static void reply(ActorRef<SamplerMaster.Command> master, TestProbe<Worker.Command> worker,
      Worker.Evaluate task) {
    double[] values = new double[task.unitPoints().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = -task.unitPoints()[i][0];
    }
    master.tell(new SamplerMaster.Evaluated(worker.getRef(), task.task(), values, null, 1000));
  }

  @Test
  void aWorkerGetsNoMoreTasksThanItsCreditsAndOneMorePerReply() throws Exception {
    ActorRef<SamplerMaster.Command> master = master(4);
    TestProbe<Worker.Command> worker = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(worker.getRef(), 2));
    Worker.Evaluate first = worker.expectMessageClass(Worker.Evaluate.class);
    Worker.Evaluate second = worker.expectMessageClass(Worker.Evaluate.class);
    worker.expectNoMessage(QUIET);
    assertEquals(new TaskId(1, 0), first.task());
    assertEquals(new TaskId(1, 1), second.task());
    reply(master, worker, second);
    Worker.Evaluate third = worker.expectMessageClass(Worker.Evaluate.class);
    assertEquals(new TaskId(1, 2), third.task());
    worker.expectNoMessage(QUIET);
    reply(master, worker, second);
    worker.expectNoMessage(QUIET);
    reply(master, worker, first);
    Worker.Evaluate fourth = worker.expectMessageClass(Worker.Evaluate.class);
    reply(master, worker, fourth);
    reply(master, worker, third);
    RunResult result = outcome.get(5, TimeUnit.SECONDS);
    assertEquals(4, result.stats().points());
    assertEquals(4, result.stats().tasks(), "the duplicate is not counted");
    assertEquals(1, result.stats().workerStats().size());
  }

  @Test
  void theTasksOfARestartedWorkerGoToTheOthers() throws Exception {
    ActorRef<SamplerMaster.Command> master = master(3);
    TestProbe<Worker.Command> crashing = KIT.createTestProbe();
    TestProbe<Worker.Command> healthy = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(crashing.getRef(), 2));
    Worker.Evaluate a = crashing.expectMessageClass(Worker.Evaluate.class);
    crashing.expectMessageClass(Worker.Evaluate.class);
    master.tell(new SamplerMaster.RequestWork(healthy.getRef(), 1));
    Worker.Evaluate c = healthy.expectMessageClass(Worker.Evaluate.class);
    assertEquals(new TaskId(1, 2), c.task());
    master.tell(new SamplerMaster.WorkerRestarting(crashing.getRef(), a.task(), "test.Boom"));
    reply(master, healthy, c);
    Worker.Evaluate retried = healthy.expectMessageClass(Worker.Evaluate.class);
    assertEquals(a.task(), retried.task(), "requeued at the front, in index order");
    reply(master, healthy, retried);
    Worker.Evaluate b = healthy.expectMessageClass(Worker.Evaluate.class);
    assertEquals(new TaskId(1, 1), b.task());
    reply(master, healthy, b);
    RunStats stats = outcome.get(5, TimeUnit.SECONDS).stats();
    assertEquals(1, stats.restarts());
    assertEquals(1, stats.retries());
  }

  @Test
  void theTasksOfAStoppedWorkerGoBackToTheQueue() throws Exception {
    ActorRef<SamplerMaster.Command> master = master(2);
    TestProbe<Worker.Command> leaving = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(leaving.getRef(), 2));
    leaving.expectMessageClass(Worker.Evaluate.class);
    leaving.expectMessageClass(Worker.Evaluate.class);
    leaving.stop();
    TestProbe<Worker.Command> joining = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(joining.getRef(), 2));
    reply(master, joining, joining.expectMessageClass(Worker.Evaluate.class));
    reply(master, joining, joining.expectMessageClass(Worker.Evaluate.class));
    assertEquals(2, outcome.get(5, TimeUnit.SECONDS).stats().points());
  }

  @Test
  void aTaskThatKeepsFailingEndsTheRunWithTheError() {
    ActorRef<SamplerMaster.Command> master = master(2);
    TestProbe<Worker.Command> worker = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(worker.getRef(), 1));
    Worker.Evaluate task = worker.expectMessageClass(Worker.Evaluate.class);
    master.tell(new SamplerMaster.Failed(worker.getRef(), task.task(), 0, "java.lang.IllegalStateException: x", 5));
    Worker.Evaluate again = worker.expectMessageClass(Worker.Evaluate.class);
    assertEquals(task.task(), again.task());
    master.tell(new SamplerMaster.Failed(worker.getRef(), task.task(), 0, "java.lang.IllegalStateException: x", 5));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> outcome.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof LikelihoodException);
    assertTrue(e.getCause().getMessage().contains("IllegalStateException: x at theta = {u=0.0}"), e.getMessage());
    TestProbe<SamplerMaster.Command> watcher = KIT.createTestProbe();
    watcher.expectTerminated(master, Duration.ofSeconds(3));
  }

  @Test
  void valuesArriveAtTheSourceByIndexOverSeveralBatches() throws Exception {
    SamplingRunTest.FakeSource source = new SamplingRunTest.FakeSource(3, 2);
    CompletableFuture<RunResult> done = new CompletableFuture<>();
    ActorRef<SamplerMaster.Command> master = KIT.spawn(SamplerMaster.create(source,
        LocalOptions.builder().workers(2).pointsPerTask(1).build(), done));
    TestProbe<Worker.Command> w1 = KIT.createTestProbe();
    TestProbe<Worker.Command> w2 = KIT.createTestProbe();
    master.tell(new SamplerMaster.RequestWork(w1.getRef(), 2));
    master.tell(new SamplerMaster.RequestWork(w2.getRef(), 2));
    Worker.Evaluate t0 = w1.expectMessageClass(Worker.Evaluate.class);
    Worker.Evaluate t1 = w1.expectMessageClass(Worker.Evaluate.class);
    Worker.Evaluate t2 = w2.expectMessageClass(Worker.Evaluate.class);
    reply(master, w2, t2);
    reply(master, w1, t1);
    reply(master, w1, t0);
    Worker.Evaluate u0 = w1.expectMessageClass(Worker.Evaluate.class);
    Worker.Evaluate u1 = w2.expectMessageClass(Worker.Evaluate.class);
    assertEquals(new TaskId(2, 0), u0.task(), "a new batch gives every worker one task first");
    assertEquals(new TaskId(2, 1), u1.task());
    reply(master, w2, u1);
    reply(master, w1, u0);
    RunResult result = done.get(5, TimeUnit.SECONDS);
    assertArrayEquals(new double[] {-0.0, -1, -2}, source.told.get(0));
    assertArrayEquals(new double[] {-0.0, -1}, source.told.get(1));
    assertEquals(2, result.stats().batches());
    assertFalse(result.stats().workerStats().isEmpty());
  }

  @Test
  void theTasksOfAnUnreachableNodeGoBackToTheQueueAtOnceAndItsWorkersWaitUntilItIsBack() throws Exception {
    ActorRef<SamplerMaster.Command> master = master(3);
    TestProbe<Worker.Command> worker = KIT.createTestProbe();
    String node = worker.getRef().path().address().toString();
    master.tell(new SamplerMaster.RequestWork(worker.getRef(), 2));
    Worker.Evaluate first = worker.expectMessageClass(Worker.Evaluate.class);
    Worker.Evaluate second = worker.expectMessageClass(Worker.Evaluate.class);
    master.tell(new SamplerMaster.NodeUnreachable(node));
    reply(master, worker, second);
    worker.expectNoMessage(QUIET);
    master.tell(new SamplerMaster.NodeReachable(node));
    Worker.Evaluate again = worker.expectMessageClass(Worker.Evaluate.class);
    assertEquals(first.task(), again.task(), "requeued at the front");
    Worker.Evaluate third = worker.expectMessageClass(Worker.Evaluate.class);
    assertEquals(new TaskId(1, 2), third.task(), "the late result of the second task was applied");
    reply(master, worker, first);
    reply(master, worker, third);
    assertEquals(3, outcome.get(5, TimeUnit.SECONDS).stats().points());
  }

  @Test
  void anotherNodeBecomingUnreachableDoesNotConcernLocalWorkers() throws Exception {
    ActorRef<SamplerMaster.Command> master = master(1);
    TestProbe<Worker.Command> worker = KIT.createTestProbe();
    master.tell(new SamplerMaster.NodeUnreachable("pekko://squall@127.0.0.1:1"));
    master.tell(new SamplerMaster.RequestWork(worker.getRef(), 1));
    reply(master, worker, worker.expectMessageClass(Worker.Evaluate.class));
    assertEquals(1, outcome.get(5, TimeUnit.SECONDS).stats().points());
  }
}
