package io.squall.sampler;

/**
 * What the sampler asks of its driver: evaluate a {@link Batch} of points, or nothing more
 * ({@link Finished}).
 */
public sealed interface Request permits Batch, Finished {}
