package io.squall.sampler;

/** The run is over; {@code result} holds the evidence, posterior and diagnostics. */
public record Finished(SamplerResult result) implements Request {}
