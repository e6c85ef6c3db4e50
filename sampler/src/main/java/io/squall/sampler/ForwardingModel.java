package io.squall.sampler;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A {@link Model} that forwards every call to another one; subclasses override what they change
 * (a delay, a known evidence, instrumentation).
 */
public abstract class ForwardingModel implements Model {
  private final Model delegate;

  protected ForwardingModel(Model delegate) {
    this.delegate = delegate;
  }

  /** The wrapped model. */
  protected final Model delegate() {
    return delegate;
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<String> parameterNames() {
    return delegate.parameterNames();
  }

  @Override
  public List<Boundary> boundaries() {
    return delegate.boundaries();
  }

  @Override
  public double[] theta(double[] unitCube) {
    return delegate.theta(unitCube);
  }

  @Override
  public double[] logLikelihoods(double[][] thetas) {
    return delegate.logLikelihoods(thetas);
  }

  @Override
  public List<String> derivedNames() {
    return delegate.derivedNames();
  }

  @Override
  public Evaluation evaluate(double[][] thetas) {
    return delegate.evaluate(thetas);
  }

  @Override
  public OptionalDouble knownLogEvidence() {
    return delegate.knownLogEvidence();
  }
}
