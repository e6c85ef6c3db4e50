package io.squall.examples;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import java.util.OptionalDouble;
import org.apache.commons.math3.util.FastMath;

/**
 * Built-in model {@code eggbox}: a two-dimensional landscape of 18 sharp, equal modes (Feroz,
 * Hobson &amp; Bridges 2009), some of them cut by the edge of the box.
 *
 * <ul>
 *   <li>Likelihood: log L(θ) = (2 + cos(θ₁/2)·cos(θ₂/2))^5, between 1 and 243.
 *   <li>Prior: U(0, 10π)², parameters {@code x0, x1}.
 *   <li>Parameters: {@code dim}, which may only be 2 (the default), and {@code delay-ms} (see
 *       {@link DelayedModel}).
 *   <li>Known log-evidence: log Z = ln ∫∫ L dθ − 2·ln(10π) = 235.85594033225 (eggbox-2: 235.856),
 *       by tensor-product Gauss–Legendre quadrature over the box: 20 nodes on each of 300 and of
 *       1,000 equal sub-intervals per axis (numpy.polynomial.legendre.leggauss, summing
 *       exp(log L − 243)) agree to 1e−13; {@code EggboxModelTest} recomputes it with 10 nodes on
 *       200 sub-intervals.
 * </ul>
 */
public final class EggboxModel extends UniformBoxModel {
  /** The log-evidence, by quadrature (see the class comment). */
  static final double LOG_EVIDENCE = 235.85594033225;

  private EggboxModel() {
    super(2, 0.0, 10.0 * Math.PI);
  }

  /** log L(θ) = (2 + cos(θ₁/2)·cos(θ₂/2))^5. */
  @Override
  public double logLikelihood(double[] theta) {
    double base = 2.0 + FastMath.cos(0.5 * theta[0]) * FastMath.cos(0.5 * theta[1]);
    double square = base * base;
    return square * square * base;
  }

  @Override
  public OptionalDouble knownLogEvidence() {
    return OptionalDouble.of(LOG_EVIDENCE);
  }

  @Override
  public String toString() {
    return "eggbox(dim=2)";
  }

  /** Builds {@code eggbox} from its parameters; usable by class name. */
  public static final class Factory implements ModelFactory {
    /** The factory; it holds no state. */
    public Factory() {}

    @Override
    public Model create(ModelParameters params) {
      int dim = params.getInt("dim", 2);
      params.require(dim == 2, "parameter 'dim' must be 2 (the eggbox is two-dimensional), got " + dim);
      return ExampleParameters.finish(params, EggboxModel::new);
    }
  }
}
