package io.squall.examples;

import io.squall.sampler.LogMath;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;

/**
 * Built-in model {@code shells}: two thin Gaussian shells, a bimodal target whose modes are curved
 * (Feroz &amp; Hobson 2008).
 *
 * <ul>
 *   <li>Likelihood: L(θ) = Σ_{i=1,2} (2πw²)^(−1/2)·exp(−(|θ − cᵢ| − r)² / (2w²)), centres
 *       c₁,₂ = (±3.5, 0, …, 0), summed in log space.
 *   <li>Prior: U(−6, 6)^d, parameters {@code x0 … x(d-1)}.
 *   <li>Parameters: {@code dim} d (default 2), {@code radius} r ≥ 0 (default 2), {@code width}
 *       w &gt; 0 (default 0.1), {@code delay-ms} (see {@link DelayedModel}).
 *   <li>Known log-evidence: over all of R^d one shell integrates to
 *       I = (2πw²)^(−1/2)·S_{d−1}·∫₀^∞ exp(−(ρ − r)²/(2w²))·ρ^(d−1) dρ, with
 *       S_{d−1} = 2π^(d/2)/Γ(d/2) the area of the unit sphere; the radial integral is done by
 *       {@link Quadrature}. Then log Z = ln(2I) − d·ln 12. This neglects the mass outside the box;
 *       a point outside it lies more than 2.5 from its shell's centre, so that mass is at most the
 *       shell's mass at ρ &gt; 2.5, which must be below {@link UniformBoxModel#NEGLIGIBLE_MASS}
 *       (the evidence is unknown otherwise). shells-2 (defaults): log Z = −1.7456 (bound 3.6e−7).
 * </ul>
 */
public final class ShellsModel extends UniformBoxModel {
  private static final double CENTRE = 3.5;
  private static final double HALF_WIDTH = 6.0;
  /** Distance from a centre to the nearest face of the box. */
  private static final double CLEARANCE = HALF_WIDTH - CENTRE;
  /** The radial integrand is below e^−800 of its peak beyond this many widths from it. */
  private static final double RADIAL_RANGE = 40.0;

  private final double radius;
  private final double width;
  private final double logNormaliser;
  private final OptionalDouble logEvidence;

  private ShellsModel(int dim, double radius, double width) {
    super(dim, -HALF_WIDTH, HALF_WIDTH);
    this.radius = radius;
    this.width = width;
    this.logNormaliser = -0.5 * FastMath.log(2.0 * Math.PI * width * width);
    this.logEvidence = logEvidence(dim, radius, width);
  }

  /** log L(θ) = −½·ln(2πw²) + log Σᵢ exp(−(|θ − cᵢ| − r)²/(2w²)). */
  @Override
  public double logLikelihood(double[] theta) {
    double rest = 0.0;
    for (int j = 1; j < theta.length; j++) {
      rest += theta[j] * theta[j];
    }
    double right = Math.sqrt((theta[0] - CENTRE) * (theta[0] - CENTRE) + rest);
    double left = Math.sqrt((theta[0] + CENTRE) * (theta[0] + CENTRE) + rest);
    return logNormaliser + LogMath.logAddExp(shellExponent(right), shellExponent(left));
  }

  @Override
  public OptionalDouble knownLogEvidence() {
    return logEvidence;
  }

  @Override
  public String toString() {
    return "shells(dim=" + dimension() + ", radius=" + radius + ", width=" + width + ")";
  }

  private double shellExponent(double distance) {
    double offset = (distance - radius) / width;
    return -0.5 * offset * offset;
  }

  private static OptionalDouble logEvidence(int dim, double radius, double width) {
    double peak = 0.5 * (radius + Math.sqrt(radius * radius + 4.0 * (dim - 1) * width * width));
    double logPeak = logRadial(peak, dim, radius, width);
    double low = Math.max(0.0, peak - RADIAL_RANGE * width);
    double high = peak + RADIAL_RANGE * width;
    double cut = clamp(CLEARANCE, low, high);
    double inner = radialIntegral(dim, radius, width, logPeak, low, cut, peak);
    double outer = radialIntegral(dim, radius, width, logPeak, cut, high, peak);
    if (outer > UniformBoxModel.NEGLIGIBLE_MASS * (inner + outer)) {
      return OptionalDouble.empty();
    }
    double logSphere = FastMath.log(2.0) + 0.5 * dim * FastMath.log(Math.PI) - Gamma.logGamma(0.5 * dim);
    double logShell = -0.5 * FastMath.log(2.0 * Math.PI * width * width) + logSphere + logPeak
        + FastMath.log(inner + outer);
    return OptionalDouble.of(FastMath.log(2.0) + logShell - dim * FastMath.log(2.0 * HALF_WIDTH));
  }

  /** ∫_from^to exp(logRadial(ρ) − logPeak) dρ, split at the peak when it lies inside. */
  private static double radialIntegral(
      int dim, double radius, double width, double logPeak, double from, double to, double peak) {
    return Quadrature.integrate(
        rho -> FastMath.exp(logRadial(rho, dim, radius, width) - logPeak),
        from, clamp(peak, from, to), to);
  }

  /** (d − 1)·ln ρ − (ρ − r)²/(2w²), the log of the radial integrand. */
  private static double logRadial(double rho, int dim, double radius, double width) {
    double offset = (rho - radius) / width;
    double jacobian = dim == 1 ? 0.0 : (dim - 1) * FastMath.log(rho);
    return jacobian - 0.5 * offset * offset;
  }

  private static double clamp(double x, double low, double high) {
    return Math.max(low, Math.min(high, x));
  }

  /** Builds {@code shells} from its parameters; usable by class name. */
  public static final class Factory implements ModelFactory {
    /** The factory; it holds no state. */
    public Factory() {}

    @Override
    public Model create(ModelParameters params) {
      int dim = ExampleParameters.dimension(params, 2, 1);
      double radius = params.getDouble("radius", 2.0);
      params.require(radius >= 0, "parameter 'radius' must be >= 0, got " + radius);
      double width = ExampleParameters.positive(params, "width", 0.1);
      return ExampleParameters.finish(params, () -> new ShellsModel(dim, radius, width));
    }
  }
}
