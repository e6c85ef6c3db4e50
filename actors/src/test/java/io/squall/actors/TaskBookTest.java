package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The work queue without actors: pending / in flight / done, by index, idempotent. */
class TaskBookTest {
  private final TaskBook<String> book = new TaskBook<>();

  private static double[] filled(int n, double value) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, value);
    return v;
  }

  @Test
  void tasksAreHandedOutInIndexOrderAndCoverTheBatch() {
    book.start(7, new int[] {3, 2, 1});
    assertEquals(6, book.batchSize());
    assertEquals(new TaskId(7, 0), book.next("a", 0).id());
    assertEquals(new TaskId(7, 3), book.next("b", 0).id());
    TaskBook.Task last = book.next("a", 0);
    assertEquals(5, last.from());
    assertEquals(6, last.end());
    assertNull(book.next("b", 0));
    assertEquals(2, book.inFlight("a"));
    assertEquals(1, book.inFlight("b"));
    assertFalse(book.hasPending());
  }

  @Test
  void valuesArePlacedByIndexWhateverTheArrivalOrder() {
    book.start(1, new int[] {2, 2, 2});
    TaskBook.Task t0 = book.next("a", 0);
    TaskBook.Task t1 = book.next("b", 0);
    TaskBook.Task t2 = book.next("a", 0);
    assertTrue(book.complete(t2.id(), new double[] {5, 6}));
    assertTrue(book.complete(t0.id(), new double[] {1, 2}));
    assertFalse(book.isComplete());
    assertTrue(book.complete(t1.id(), new double[] {3, 4}));
    assertTrue(book.isComplete());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, book.values());
    assertEquals(0, book.inFlight("a"));
    assertEquals(0, book.inFlight("b"));
  }

  @Test
  void duplicatesStaleBatchesAndUnknownSlicesAreIgnored() {
    book.start(1, new int[] {2, 2});
    TaskBook.Task t0 = book.next("a", 0);
    assertTrue(book.complete(t0.id(), new double[] {1, 2}));
    assertFalse(book.complete(t0.id(), new double[] {9, 9}), "duplicate");
    assertFalse(book.complete(new TaskId(0, 0), new double[] {9, 9}), "stale batch");
    assertFalse(book.complete(new TaskId(1, 1), new double[] {9, 9}), "not a task start");
    TaskBook.Task t1 = book.next("a", 0);
    book.complete(t1.id(), new double[] {3, 4});
    assertArrayEquals(new double[] {1, 2, 3, 4}, book.values());
    assertEquals(2, book.doneCount());
  }

  @Test
  void aResultOfTheWrongLengthIsRejected() {
    book.start(1, new int[] {2});
    TaskBook.Task t0 = book.next("a", 0);
    assertThrows(IllegalArgumentException.class, () -> book.complete(t0.id(), new double[] {1}));
  }

  @Test
  void valuesOfAnIncompleteBatchAreRefused() {
    book.start(1, new int[] {2});
    assertThrows(IllegalStateException.class, book::values);
  }

  @Test
  void aFailedTaskGoesBackToTheFrontAndCountsItsFailures() {
    book.start(1, new int[] {1, 1, 1});
    TaskBook.Task t0 = book.next("a", 0);
    assertEquals(1, book.fail(t0.id(), "a"));
    assertEquals(0, book.inFlight("a"));
    TaskBook.Task again = book.next("b", 0);
    assertEquals(t0, again);
    assertEquals(2, book.fail(t0.id(), "b"));
    assertEquals(2, book.failures(t0.id()));
    assertEquals(0, book.fail(new TaskId(0, 0), "b"), "stale");
  }

  @Test
  void aFailureReportedByAFormerHolderLeavesTheTaskWithItsCurrentWorker() {
    book.start(1, new int[] {1});
    TaskBook.Task t0 = book.next("a", 0);
    book.requeue("a");
    assertEquals(t0, book.next("b", 0));
    assertEquals(1, book.fail(t0.id(), "a"));
    assertEquals(1, book.inFlight("b"));
    assertFalse(book.hasPending());
  }

  @Test
  void requeueReturnsAWorkersTasksToTheFrontInIndexOrder() {
    book.start(1, new int[] {1, 1, 1, 1, 1});
    TaskBook.Task a0 = book.next("a", 0);
    TaskBook.Task b1 = book.next("b", 0);
    TaskBook.Task a2 = book.next("a", 0);
    List<TaskBook.Task> back = book.requeue("a");
    assertEquals(List.of(a0, a2), back);
    assertEquals(0, book.inFlight("a"));
    assertEquals(List.of(a0, a2, book.task(new TaskId(1, 3)), book.task(new TaskId(1, 4))), book.pendingTasks());
    assertEquals(a0, book.next("c", 0));
    assertEquals(a2, book.next("c", 0));
    assertEquals(1, book.inFlight("b"));
    assertTrue(book.complete(b1.id(), new double[] {0}));
  }

  @Test
  void aRequeuedTaskCompletedByItsOldHolderLeavesTheQueue() {
    book.start(1, new int[] {1, 1});
    TaskBook.Task t0 = book.next("a", 0);
    book.requeue("a");
    assertEquals(2, book.pendingCount());
    assertTrue(book.complete(t0.id(), new double[] {4}));
    assertEquals(1, book.pendingCount());
    assertEquals(new TaskId(1, 1), book.next("a", 0).id());
  }

  @Test
  void inFlightTasksReportWorkerAndSendTime() {
    book.start(3, new int[] {2, 2});
    book.next("a", 100);
    book.next("b", 200);
    List<TaskBook.InFlight<String>> inFlight = book.inFlightTasks();
    assertEquals(2, inFlight.size());
    assertEquals("b", inFlight.get(1).worker());
    assertEquals(200, inFlight.get(1).sentAtNanos());
    assertEquals(2, inFlight.get(1).task().from());
  }

  @Test
  void aNewBatchForgetsTheOldOne() {
    book.start(1, new int[] {2});
    TaskBook.Task old = book.next("a", 0);
    book.start(2, new int[] {1, 1});
    assertEquals(0, book.inFlight("a"));
    assertFalse(book.complete(old.id(), filled(2, 1)));
    assertEquals(2, book.pendingCount());
  }

  @Test
  void nonPositiveSizesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> book.start(1, new int[] {2, 0}));
  }
}
