package io.squall.sampler;

/**
 * Runs a {@link PersistentSampler} to the end in the calling thread, evaluating each batch with
 * the model in one vectorized call. This is the oracle every other mode must reproduce bit for
 * bit.
 */
public final class SequentialDriver {
  private SequentialDriver() {}

  /**
   * Samples {@code model} with {@code settings}: one run, or with {@code replicas} R &gt; 1 the R
   * replicas one after the other, pooled by {@link Replicas}.
   */
  public static SamplerResult run(Model model, SamplerSettings settings) {
    if (settings.replicas() > 1) {
      return Replicas.run(model, settings);
    }
    return run(PersistentSampler.create(model, settings));
  }

  /** Drives {@code sampler} to the end. */
  public static SamplerResult run(PersistentSampler sampler) {
    Model model = sampler.model();
    while (true) {
      Request request = sampler.next();
      if (request instanceof Finished finished) {
        return finished.result();
      }
      Batch batch = (Batch) request;
      sampler.tell(batch.id(), model.evaluateUnitCube(batch.unitPoints()));
    }
  }
}
