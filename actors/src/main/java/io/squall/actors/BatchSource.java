package io.squall.actors;

import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.Request;

/**
 * The ask/tell state machine a master drives: {@link PersistentSampler} in every real run
 * ({@link #of}), a synthetic stream of batches in the dispatch benchmark. Only the master's thread
 * calls it.
 */
public interface BatchSource {
  /** The pending {@link Batch}, a new one, or {@link Finished}. */
  Request next();

  /**
   * The log-likelihoods (and derived values) of batch {@code batchId}, by point index.
   *
   * @throws io.squall.sampler.LikelihoodException if a value is unusable (NaN, +∞)
   */
  void tell(long batchId, Evaluation evaluation);

  /** θ of a unit-cube point with parameter names, for error messages. */
  String describe(double[] unitPoint);

  /** activeParticles of the run, or 0 if the source is no sampler (for advice only). */
  default int activeParticles() {
    return 0;
  }

  /** Derived values the model returns per point (they travel back in the result messages). */
  default int derivedCount() {
    return 0;
  }

  /**
   * The workers' running totals, given by the parallel loop when a batch is complete, just before
   * {@link #tell}; ignored unless a source wants them (a progress display). It must not change
   * what the source computes.
   */
  default void workerActivity(WorkerActivity activity) {}

  /** The sampler as a batch source. */
  static BatchSource of(PersistentSampler sampler) {
    return new BatchSource() {
      @Override
      public Request next() {
        return sampler.next();
      }

      @Override
      public void tell(long batchId, Evaluation evaluation) {
        sampler.tell(batchId, evaluation);
      }

      @Override
      public String describe(double[] unitPoint) {
        return sampler.describe(unitPoint);
      }

      @Override
      public int activeParticles() {
        return sampler.settings().activeParticles();
      }

      @Override
      public int derivedCount() {
        return sampler.model().derivedNames().size();
      }
    };
  }
}
