package io.squall.sampler;

import org.apache.commons.math3.util.FastMath;

/**
 * A Gaussian mixture in unit-cube coordinates, g(u) = Σₖ πₖ·N(u; μₖ, Cₖ), with mixing weights
 * πₖ &gt; 0 summing to one and components given as {@link Mode}s. Immutable.
 *
 * <p>The responsibility of component k for a point u is rₖ(u) = πₖ·N(u; μₖ, Cₖ) / g(u); the
 * sampler uses it both to draw a walker's mode and in the acceptance of the mode-confined kernels
 * (see {@link Mutation}).
 */
public final class GaussianMixture {
  private final double[] weights;
  private final double[] logWeights;
  private final Mode[] components;

  private GaussianMixture(double[] weights, Mode[] components) {
    this.weights = weights;
    this.components = components;
    this.logWeights = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      logWeights[k] = FastMath.log(weights[k]);
    }
  }

  /**
   * The mixture of {@code components} with weights proportional to {@code weights} (normalised
   * here).
   *
   * @throws IllegalArgumentException if the lengths differ, there is no component, or a weight
   *     is not positive and finite
   */
  public static GaussianMixture of(double[] weights, Mode[] components) {
    if (weights.length != components.length || components.length == 0) {
      throw new IllegalArgumentException("a mixture needs as many weights as components, at least one; got "
          + weights.length + " weights and " + components.length + " components");
    }
    double total = 0.0;
    for (double w : weights) {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("mixture weights must be positive and finite, got " + w);
      }
      total += w;
    }
    double[] normalised = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      normalised[k] = weights[k] / total;
    }
    return new GaussianMixture(normalised, components.clone());
  }

  /** The one-component mixture of {@code mode}. */
  public static GaussianMixture single(Mode mode) {
    return new GaussianMixture(new double[] {1.0}, new Mode[] {mode});
  }

  /** K, the number of components. */
  public int size() {
    return components.length;
  }

  public int dimension() {
    return components[0].dimension();
  }

  /** πₖ. */
  public double weight(int k) {
    return weights[k];
  }

  /** The mixing weights (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  public Mode component(int k) {
    return components[k];
  }

  /** The components (a copy of the array). */
  public Mode[] components() {
    return components.clone();
  }

  /** log πₖ + log N(u; μₖ, Cₖ) for every k. */
  public double[] logJoint(double[] u) {
    double[] out = new double[components.length];
    for (int k = 0; k < components.length; k++) {
      out[k] = logWeights[k] + components[k].logDensity(u);
    }
    return out;
  }

  /** log g(u). */
  public double logDensity(double[] u) {
    return LogMath.logSumExp(logJoint(u));
  }

  /** log rₖ(u) = log πₖ + log N(u; μₖ, Cₖ) − log g(u). */
  public double logResponsibility(int k, double[] u) {
    double[] joint = logJoint(u);
    return joint[k] - LogMath.logSumExp(joint);
  }

  /** The responsibilities r₀(u) … r_{K−1}(u) (they sum to one). */
  public double[] responsibilities(double[] u) {
    double[] joint = logJoint(u);
    return LogMath.normalise(joint, joint.length);
  }

  /** The component with the largest responsibility for u (the lowest index on ties). */
  public int mostResponsible(double[] u) {
    double[] joint = logJoint(u);
    int best = 0;
    for (int k = 1; k < joint.length; k++) {
      if (joint[k] > joint[best]) {
        best = k;
      }
    }
    return best;
  }
}
