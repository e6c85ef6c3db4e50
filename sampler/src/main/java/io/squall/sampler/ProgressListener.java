package io.squall.sampler;

/**
 * Hears of every completed iteration of a {@link PersistentSampler} (warm-up prior batches
 * included), with the iteration's {@link IterationDiagnostics}: beta, effectiveSampleSize,
 * logEvidence, acceptance and the cumulative likelihood calls. It is called in the thread that
 * drives the sampler, right after the iteration is recorded; it only observes, so a run with a
 * listener is bit-identical to one without. It should return quickly and not throw (an exception
 * stops the run).
 */
@FunctionalInterface
public interface ProgressListener {
  /** The sampler finished {@code iteration}. */
  void iterationDone(IterationDiagnostics iteration);

  /** A listener that does nothing. */
  static ProgressListener none() {
    return iteration -> {};
  }
}
