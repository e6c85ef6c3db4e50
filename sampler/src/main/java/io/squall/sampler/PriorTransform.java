package io.squall.sampler;

/**
 * The prior as an inverse cumulative distribution: maps a point of the unit cube
 * u ∈ [0,1]^d to the physical parameters θ. The sampler explores the unit cube, where the
 * reference density is uniform, so no prior density is ever evaluated.
 */
@FunctionalInterface
public interface PriorTransform {
  /** Returns θ(u); must not modify {@code unitCube}. */
  double[] theta(double[] unitCube);
}
