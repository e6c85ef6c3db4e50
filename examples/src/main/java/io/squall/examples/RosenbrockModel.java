package io.squall.examples;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * Built-in model {@code rosenbrock}: independent pairs of Rosenbrock's curved, banana-shaped valley.
 *
 * <ul>
 *   <li>Likelihood: log L(θ) = −Σ_{i=0}^{d/2−1} [10·(θ_{2i}² − θ_{2i+1})² + (θ_{2i} − 1)²].
 *   <li>Prior: U(−10, 10)^d, parameters {@code x0 … x(d-1)}.
 *   <li>Parameters: {@code dim} d, even (default 10), {@code delay-ms} (see {@link DelayedModel}).
 *   <li>Known log-evidence: log Z = (d/2)·ln(P/400) with, for one pair,
 *       P = ∫_{−10}^{10} exp(−(x−1)²)·g(x) dx and g(x) = ∫_{−10}^{10} exp(−10(x² − y)²) dy
 *       = √π/(2√10)·[erf(√10·(10 − x²)) − erf(√10·(−10 − x²))] in closed form; the outer integral
 *       is done by {@link Quadrature}, split at x = ±√10 where the valley leaves the box. This
 *       truncation matters: it lowers P from π/√10 ≈ 0.99346 to 0.99234. rosenbrock-10 (defaults):
 *       log Z = −29.9958.
 * </ul>
 */
public final class RosenbrockModel extends UniformBoxModel {
  private static final double HALF_WIDTH = 10.0;
  private static final double LOG_PAIR_EVIDENCE = logPairEvidence();

  private RosenbrockModel(int dim) {
    super(dim, -HALF_WIDTH, HALF_WIDTH);
  }

  /** log L(θ) = −Σᵢ [10·(θ_{2i}² − θ_{2i+1})² + (θ_{2i} − 1)²]. */
  @Override
  public double logLikelihood(double[] theta) {
    double logL = 0.0;
    for (int i = 0; i + 1 < theta.length; i += 2) {
      double valley = theta[i] * theta[i] - theta[i + 1];
      double offset = theta[i] - 1.0;
      logL -= 10.0 * valley * valley + offset * offset;
    }
    return logL;
  }

  @Override
  public OptionalDouble knownLogEvidence() {
    return OptionalDouble.of(dimension() / 2 * LOG_PAIR_EVIDENCE);
  }

  @Override
  public String toString() {
    return "rosenbrock(dim=" + dimension() + ")";
  }

  /** ln(P / 400) of one pair (see the class comment). */
  private static double logPairEvidence() {
    double h = HALF_WIDTH;
    double edge = Math.sqrt(h);
    double scale = Math.sqrt(10.0);
    double p = Quadrature.integrate(
        x -> FastMath.exp(-(x - 1.0) * (x - 1.0))
            * Math.sqrt(Math.PI) / (2.0 * scale) * Erf.erf(scale * (-h - x * x), scale * (h - x * x)),
        -h, -edge, 1.0, edge, h);
    return FastMath.log(p / (4.0 * h * h));
  }

  /** Builds {@code rosenbrock} from its parameters; usable by class name. */
  public static final class Factory implements ModelFactory {
    /** The factory; it holds no state. */
    public Factory() {}

    @Override
    public Model create(ModelParameters params) {
      int dim = ExampleParameters.dimension(params, 10, 2);
      params.require(dim % 2 == 0, "parameter 'dim' must be even (parameters come in pairs), got " + dim);
      return ExampleParameters.finish(params, () -> new RosenbrockModel(dim));
    }
  }
}
