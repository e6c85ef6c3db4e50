package io.squall.actors;

import io.squall.sampler.SamplerResult;

/**
 * The outcome of a parallel run.
 *
 * @param result the sampler's result: bit-identical to {@code SequentialDriver.run} for the same
 *     model and settings (null only for synthetic {@link BatchSource}s such as the benchmark's)
 * @param stats how the work was spread over the workers
 */
public record RunResult(SamplerResult result, RunStats stats) {}
