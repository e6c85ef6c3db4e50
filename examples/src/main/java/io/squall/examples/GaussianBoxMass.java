package io.squall.examples;

import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * log P(θ ∈ [−h, h]^d) for θ ~ N(0, Σ) with the equicorrelated covariance Σᵢᵢ = σ², Σᵢⱼ = ρσ²:
 * the part of the Gaussian {@link GaussianModel} keeps inside its prior box.
 *
 * <ul>
 *   <li>ρ = 0: the coordinates are independent, P = erf(h / (σ√2))^d exactly.
 *   <li>ρ &gt; 0: one common factor, θᵢ/σ = √ρ·z + √(1−ρ)·εᵢ with z, εᵢ ~ N(0, 1) independent, so
 *       P = ∫ φ(z)·B(z)^d dz with B(z) = P(|√ρ·z + √(1−ρ)·ε| ≤ h/σ), a one-dimensional integral
 *       done by {@link Quadrature} (the integrand is even in z and peaks at z = 0).
 *   <li>ρ &lt; 0: no such representation; the mass outside is neglected when the union bound
 *       1 − P ≤ d·erfc(h / (σ√2)) is at most {@link UniformBoxModel#NEGLIGIBLE_MASS}, else unknown.
 * </ul>
 */
final class GaussianBoxMass {
  private static final double SQRT2 = Math.sqrt(2.0);
  /** φ(60) ≈ e^−1800: the common factor never reaches further. */
  private static final double Z_RANGE = 60.0;

  private GaussianBoxMass() {}

  /** log P(θ ∈ [−halfWidth, halfWidth]^d), or empty when it is not known to 1e-4. */
  static OptionalDouble logMass(int d, double sigma, double rho, double halfWidth) {
    double h = halfWidth / sigma;
    if (rho == 0) {
      return OptionalDouble.of(d * FastMath.log(Erf.erf(h / SQRT2)));
    }
    if (rho > 0) {
      return OptionalDouble.of(oneFactor(d, h, rho));
    }
    double outsideBound = d * Erf.erfc(h / SQRT2);
    return outsideBound <= UniformBoxModel.NEGLIGIBLE_MASS ? OptionalDouble.of(0.0) : OptionalDouble.empty();
  }

  /** log ∫ φ(z)·B(z)^d dz, scaled by the integrand's peak at z = 0 to stay in range. */
  private static double oneFactor(int d, double h, double rho) {
    double logPeak = d * FastMath.log(slab(0.0, h, rho));
    if (logPeak == Double.NEGATIVE_INFINITY) {
      return logPeak;
    }
    double edge = Math.min(h / Math.sqrt(rho), Z_RANGE);
    double halfIntegral = Quadrature.integrate(
        z -> FastMath.exp(-0.5 * z * z + d * FastMath.log(slab(z, h, rho)) - logPeak),
        0.0, edge, Z_RANGE);
    return logPeak + FastMath.log(2.0 * halfIntegral) - 0.5 * FastMath.log(2.0 * Math.PI);
  }

  /** B(z) = P(|√ρ·z + √(1−ρ)·ε| ≤ h) for ε ~ N(0, 1). */
  private static double slab(double z, double h, double rho) {
    double scale = Math.sqrt(2.0 * (1.0 - rho));
    double centre = Math.sqrt(rho) * z;
    return 0.5 * Erf.erf((-h - centre) / scale, (h - centre) / scale);
  }
}
