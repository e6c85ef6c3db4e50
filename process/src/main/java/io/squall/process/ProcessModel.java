package io.squall.process;

import io.squall.sampler.Boundary;
import io.squall.sampler.Evaluation;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.Model;
import io.squall.sampler.Prior;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model whose likelihood (and, optionally, prior) is computed by a long-lived child process that
 * speaks the {@link ProcessProtocol}. Each thread that evaluates borrows a child of its own from a
 * pool, so each worker starts its child once and reuses it for every task; a task is one message.
 *
 * <p>Failures: a child that crashes or outlasts {@code task-timeout-s} is killed, restarted and
 * the task retried, at most {@code max-restarts} times per task; a child that writes bytes outside
 * the protocol, or speaks another version, fails the model for good with a
 * {@link ProcessModelException} naming the command and the bytes; an error raised by the child's
 * callback is a {@link LikelihoodException} with the child's message. Results stay deterministic:
 * a retried task gets the values the child gives for the same points.
 *
 * <p>{@link #close()} stops the children; they also exit when the JVM does (end of their stdin).
 */
public final class ProcessModel implements Model, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessModel.class);

  private final ProcessSettings settings;
  private final List<String> derivedNames;
  private final ConcurrentLinkedDeque<ChildProcess> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger started = new AtomicInteger();
  private final Thread shutdownHook = new Thread(this::close, "squall-process-shutdown");
  private volatile ProcessModelException broken;

  private ProcessModel(ProcessSettings settings, ChildProcess first) {
    this.settings = settings;
    this.derivedNames = first.handshake().derivedNames();
    idle.add(first);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a first child, checks its handshake against {@code settings} (version, dimension, own
   * prior) and returns the model, whose derived values are those the child announces.
   */
  public static ProcessModel start(ProcessSettings settings) {
    ProcessModel model = new ProcessModel(settings, checked(settings, launch(settings, 1)));
    model.started.set(1);
    List<String> problems = Model.derivedNameProblems(settings.parameterNames(), model.derivedNames);
    if (!problems.isEmpty()) {
      model.close();
      throw new ProcessModelException(model.prefix() + String.join("; ", problems));
    }
    return model;
  }

  public ProcessSettings settings() {
    return settings;
  }

  @Override
  public int dimension() {
    return settings.dimension();
  }

  @Override
  public List<String> parameterNames() {
    return settings.parameterNames();
  }

  @Override
  public List<Boundary> boundaries() {
    return settings.prior().map(Prior::boundaries)
        .orElseGet(() -> Collections.nCopies(dimension(), Boundary.NONE));
  }

  @Override
  public List<String> derivedNames() {
    return derivedNames;
  }

  /** θ(u): the prior of the settings, or one round trip to a child that has its own prior. */
  @Override
  public double[] theta(double[] unitCube) {
    if (settings.prior().isPresent()) {
      return settings.prior().get().theta(unitCube);
    }
    return call(ProcessProtocol.TRANSFORM, new double[][] {unitCube}, dimension())[0];
  }

  @Override
  public double[] logLikelihoods(double[][] thetas) {
    return evaluate(thetas).logLikelihoods();
  }

  @Override
  public Evaluation evaluate(double[][] thetas) {
    return evaluation(call(ProcessProtocol.EVALUATE_THETA, thetas, 1 + derivedNames.size()));
  }

  /** A whole task in one message: θ computed here, or unit-cube points for a child with its own prior. */
  @Override
  public Evaluation evaluateUnitCube(double[][] unitPoints) {
    if (settings.prior().isPresent()) {
      Prior prior = settings.prior().get();
      double[][] thetas = new double[unitPoints.length][];
      for (int i = 0; i < thetas.length; i++) {
        thetas[i] = prior.theta(unitPoints[i]);
      }
      return evaluate(thetas);
    }
    return evaluation(call(ProcessProtocol.EVALUATE_UNIT_CUBE, unitPoints, 1 + derivedNames.size()));
  }

  @Override
  public double[] logLikelihoodsOfUnitCube(double[][] unitPoints) {
    return evaluateUnitCube(unitPoints).logLikelihoods();
  }

  private static Evaluation evaluation(double[][] rows) {
    double[] values = new double[rows.length];
    double[][] derived = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      values[i] = rows[i][0];
      derived[i] = Arrays.copyOfRange(rows[i], 1, rows[i].length);
    }
    return new Evaluation(values, derived);
  }

  /** One request on a borrowed child, retried on fresh children after crashes and hangs. */
  private double[][] call(byte op, double[][] points, int width) {
    if (points.length == 0) {
      return new double[0][];
    }
    byte[] request = ProcessProtocol.request(op, points, dimension());
    String lastFailure = null;
    for (int attempt = 0; attempt <= settings.maxRestarts(); attempt++) {
      ChildProcess child = borrow();
      try {
        double[][] reply = child.exchange(request, points.length, width, settings.taskTimeout());
        idle.push(child);
        return reply;
      } catch (ChildErrorException e) {
        idle.push(child);
        throw new LikelihoodException(prefix() + "the child's callback raised: " + e.getMessage());
      } catch (ProcessProtocol.GarbageException e) {
        discard(child);
        throw fail(prefix() + child.tag() + ": " + e.getMessage()
            + " (did it print to stdout? Squall's client sends prints to stderr; other children must keep "
            + "stdout for the protocol)" + child.stderrTail());
      } catch (IOException e) {
        discard(child);
        lastFailure = child.tag() + ": " + e.getMessage();
        LOG.warn("{}{}; {}", prefix(), lastFailure, attempt < settings.maxRestarts()
            ? "restarting it and retrying the task (" + (attempt + 1) + " of " + settings.maxRestarts() + ")"
            : "no restarts left for this task (max-restarts " + settings.maxRestarts() + ")");
      }
    }
    throw new ProcessModelException(prefix() + "the child failed " + (settings.maxRestarts() + 1)
        + " times on one task of " + points.length + " points; last: " + lastFailure);
  }

  private ChildProcess borrow() {
    if (broken != null) {
      throw new ProcessModelException(broken.getMessage());
    }
    ChildProcess child = idle.poll();
    return child != null ? child : checked(settings, launch(settings, started.incrementAndGet()));
  }

  private void discard(ChildProcess child) {
    child.kill();
  }

  private ProcessModelException fail(String message) {
    ProcessModelException e = new ProcessModelException(message);
    broken = e;
    return e;
  }

  private static ChildProcess launch(ProcessSettings settings, int number) {
    try {
      return ChildProcess.start(settings, number);
    } catch (ProcessProtocol.GarbageException e) {
      throw new ProcessModelException(prefix(settings) + e.getMessage() + " (did it print to stdout before "
          + "the handshake? Squall's client sends prints to stderr; other children must keep stdout for the "
          + "protocol)");
    } catch (IOException e) {
      throw new ProcessModelException(prefix(settings) + "cannot start it: " + e.getMessage(), e);
    }
  }

  /** {@code child} if its handshake agrees with the settings; otherwise it is killed and an error thrown. */
  private static ChildProcess checked(ProcessSettings settings, ChildProcess child) {
    ProcessProtocol.Handshake hello = child.handshake();
    String problem = null;
    if (hello.version() != ProcessProtocol.VERSION) {
      problem = "it speaks protocol version " + hello.version() + " but this Squall speaks version "
          + ProcessProtocol.VERSION + "; use the client module shipped with this Squall (clients/python)";
    } else if (hello.dimension() != settings.dimension()) {
      problem = "it has dimension " + hello.dimension() + " but the settings say dim = " + settings.dimension();
    } else if (settings.prior().isEmpty() && !hello.ownPrior()) {
      problem = "the settings delegate the prior to the process (prior = process) but the child has no prior "
          + "transform; give one to serve(), or set prior in the settings";
    }
    if (problem != null) {
      child.kill();
      throw new ProcessModelException(prefix(settings) + problem);
    }
    return child;
  }

  private String prefix() {
    return prefix(settings);
  }

  private static String prefix(ProcessSettings settings) {
    return "process model '" + settings.commandLine() + "': ";
  }

  /** Stops every child. */
  @Override
  public void close() {
    for (ChildProcess child; (child = idle.poll()) != null; ) {
      child.close();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already
    }
  }

  @Override
  public String toString() {
    return "process(" + settings.commandLine() + ", dim=" + dimension() + ")";
  }
}
