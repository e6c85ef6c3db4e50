package io.squall.actors;

import io.squall.sampler.Evaluation;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFailureException;
import java.util.Locale;

/**
 * What a worker does with a task: one call of {@link Model#evaluateUnitCube} on the whole
 * slice (vectorized models get it in one batch), timed. If that call throws an
 * {@link Exception}, the points are tried one by one to single out the first that throws, so the
 * error can name it — unless it is a {@link ModelFailureException}, a failure of the model as a
 * whole that no point is to blame for. A {@link StackOverflowError} or {@link LinkageError} (deep
 * recursion, a class missing from the classpath) counts as such a failure too, because Pekko would
 * treat it as fatal and stop the JVM. Other {@link Error}s are not caught here: they crash the worker, whose
 * supervisor restarts it.
 */
final class TaskEvaluator {
  /**
   * The outcome of one task.
   *
   * @param evaluation one log-likelihood (and the derived values) per point, or null if the task
   *     failed
   * @param failedIndex batch index of the first point that throws on its own, or -1 if unknown
   * @param error the exception's class and message, or null
   * @param busyNanos time spent evaluating
   */
  record Outcome(Evaluation evaluation, int failedIndex, String error, long busyNanos) {
    boolean ok() {
      return evaluation != null;
    }
  }

  private TaskEvaluator() {}

  /** Evaluates {@code points}, which start at index {@code from} of their batch. */
  static Outcome evaluate(Model model, double[][] points, int from) {
    long start = System.nanoTime();
    Evaluation values;
    try {
      values = model.evaluateUnitCube(points);
    } catch (Exception | StackOverflowError | LinkageError e) {
      int offset = e instanceof ModelFailureException ? -1 : points.length == 1 ? 0 : locate(model, points);
      return new Outcome(null, offset < 0 ? -1 : from + offset, describe(e), System.nanoTime() - start);
    }
    long busy = System.nanoTime() - start;
    String wrong = wrongShape(model, values, points.length);
    if (wrong != null) {
      return new Outcome(null, -1, wrong, busy);
    }
    return new Outcome(values, -1, null, busy);
  }

  /**
   * {@code outcome}, or a failure naming the sizes if its values take more than {@code maxBytes}
   * bytes on the wire (8 per log-likelihood and per derived value; 0 = no limit).
   */
  static Outcome limitSize(Outcome outcome, long maxBytes) {
    if (!outcome.ok() || maxBytes <= 0) {
      return outcome;
    }
    Evaluation values = outcome.evaluation();
    long bytes = (long) Double.BYTES * values.size() * (1L + values.derivedCount());
    if (bytes <= maxBytes) {
      return outcome;
    }
    return new Outcome(null, -1, String.format(Locale.ROOT, "a result too large to send: %d point(s) with %d "
        + "derived value(s) each make %,d bytes, more than the %,d bytes a message between nodes may carry "
        + "(squall.cluster.max-frame-size less headroom); raise squall.cluster.max-frame-size or return fewer "
        + "derived values", values.size(), values.derivedCount(), bytes, maxBytes), outcome.busyNanos());
  }

  /** What is wrong with the shape of {@code values} for {@code n} points, or null. */
  private static String wrongShape(Model model, Evaluation values, int n) {
    if (values == null) {
      return "the likelihood returned null for " + n + " points";
    }
    if (values.size() != n) {
      return "the likelihood returned " + values.size() + " values for " + n + " points";
    }
    int declared = model.derivedNames().size();
    if (n > 0 && values.derivedCount() != declared) {
      return "the likelihood returned " + values.derivedCount() + " derived values per point but the model declares "
          + declared + " " + model.derivedNames();
    }
    return null;
  }

  /** Index of the first point that throws when evaluated alone, or -1. */
  static int locate(Model model, double[][] points) {
    for (int i = 0; i < points.length; i++) {
      try {
        model.evaluateUnitCube(new double[][] {points[i]});
      } catch (Exception | StackOverflowError | LinkageError e) {
        return i;
      }
    }
    return -1;
  }

  /** Class name and message of {@code t}, and of up to four causes. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (Throwable c = t; c != null && depth < 5; c = c.getCause(), depth++) {
      sb.append(depth == 0 ? "" : "; caused by ").append(c.getClass().getName());
      if (c.getMessage() != null) {
        sb.append(": ").append(c.getMessage());
      }
    }
    return sb.toString();
  }
}
