package io.squall.process;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;

/**
 * Builds the {@code process} model from its parameters ({@link ProcessSettings}): starts a first
 * child and checks its handshake.
 */
public final class ProcessModelFactory implements ModelFactory {
  /** The factory; it holds no state. */
  public ProcessModelFactory() {}

  @Override
  public Model create(ModelParameters parameters) {
    return ProcessModel.start(ProcessSettings.from(parameters));
  }
}
