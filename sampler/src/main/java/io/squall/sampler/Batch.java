package io.squall.sampler;

/**
 * A batch of unit-cube points whose log-likelihoods the sampler needs before it can go on. The
 * driver may cut it into any slices, evaluate them anywhere, and must answer with one
 * log-likelihood per point, by index ({@link BatchResults} collects slices).
 *
 * @param id increases by one with every batch of a run; answers must quote it
 * @param iteration the sampler iteration the batch belongs to
 * @param step the MCMC step within the iteration (0 for prior draws)
 * @param unitPoints the points, one row per point, in the unit cube (do not modify)
 */
public record Batch(long id, int iteration, int step, double[][] unitPoints) implements Request {
  /** Number of points. */
  public int size() {
    return unitPoints.length;
  }
}
