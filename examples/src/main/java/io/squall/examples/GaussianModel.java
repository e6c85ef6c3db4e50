package io.squall.examples;

import io.squall.sampler.Evaluation;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.FastMath;

/**
 * Built-in model {@code gaussian}: a correlated Gaussian likelihood in a uniform prior box.
 *
 * <ul>
 *   <li>Likelihood: L(θ) = N(θ; 0, Σ), the normalised density, with Σᵢᵢ = σ² and Σᵢⱼ = ρ·σ²
 *       (i ≠ j). One evaluation is O(d²): forward substitution with the Cholesky factor of the
 *       correlation matrix, computed once (commons-math3).
 *   <li>Prior: U(−h, h)^d, parameters {@code x0 … x(d-1)}.
 *   <li>Parameters: {@code dim} d (default 10), {@code sigma} σ &gt; 0 (default 1),
 *       {@code correlation} ρ ∈ (−1/(d−1), 1), where Σ is positive definite (default 0),
 *       {@code half-width} h &gt; 0 (default 10), {@code delay-ms} (see {@link DelayedModel}),
 *       {@code derived} (default false): also return two derived values with every evaluation,
 *       {@code radius2} = |θ|² and {@code chi2} = |L⁻¹θ/σ|² (posterior means d·σ² and d when the
 *       box holds all the mass: a check that derived values follow their particles).
 *   <li>Known log-evidence: log Z = log P_box − d·ln(2h), where P_box is the Gaussian mass inside
 *       the box, computed by {@link GaussianBoxMass}: exactly for ρ = 0 (erf), by a 1-D quadrature
 *       for ρ &gt; 0; for ρ &lt; 0 the mass outside the box is neglected when it is provably below
 *       {@link UniformBoxModel#NEGLIGIBLE_MASS}, and the evidence is unknown otherwise. With the
 *       reference settings the mass outside is ~1e−22 and log Z = −d·ln(2h): gauss-10 (defaults)
 *       −10·ln 20 = −29.9573, corr-20 ({@code dim=20, correlation=0.9}) −20·ln 20 = −59.9146.
 * </ul>
 */
public final class GaussianModel extends UniformBoxModel {
  private final double sigma;
  private final double correlation;
  private final double halfWidth;
  /** Rows of the lower Cholesky factor of the correlation matrix (row i has i + 1 entries). */
  private final double[][] lower;
  private final double logNormaliser;
  private final OptionalDouble logEvidence;
  private final boolean derived;

  private GaussianModel(int dim, double sigma, double correlation, double halfWidth, boolean derived) {
    super(dim, -halfWidth, halfWidth);
    this.sigma = sigma;
    this.correlation = correlation;
    this.halfWidth = halfWidth;
    this.lower = choleskyOfCorrelation(dim, correlation);
    double logDet = 0.0;
    for (int i = 0; i < dim; i++) {
      logDet += FastMath.log(lower[i][i]);
    }
    this.logNormaliser = 0.5 * dim * FastMath.log(2.0 * Math.PI) + dim * FastMath.log(sigma) + logDet;
    this.logEvidence = logEvidence(dim, sigma, correlation, halfWidth);
    this.derived = derived;
  }

  /** log N(θ; 0, Σ) = −½·|L⁻¹θ/σ|² − ½·d·ln 2π − d·ln σ − ln det L, with LLᵀ the correlation matrix. */
  @Override
  public double logLikelihood(double[] theta) {
    return -0.5 * chiSquare(theta) - logNormaliser;
  }

  /** |L⁻¹θ/σ|², by forward substitution. */
  private double chiSquare(double[] theta) {
    double[] z = new double[lower.length];
    double sumSquares = 0.0;
    for (int i = 0; i < lower.length; i++) {
      double[] row = lower[i];
      double s = theta[i] / sigma;
      for (int j = 0; j < i; j++) {
        s -= row[j] * z[j];
      }
      z[i] = s / row[i];
      sumSquares += z[i] * z[i];
    }
    return sumSquares;
  }

  @Override
  public List<String> derivedNames() {
    return derived ? List.of("radius2", "chi2") : List.of();
  }

  @Override
  public Evaluation evaluate(double[][] thetas) {
    if (!derived) {
      return super.evaluate(thetas);
    }
    double[] values = new double[thetas.length];
    double[][] extras = new double[thetas.length][];
    for (int i = 0; i < thetas.length; i++) {
      double chi2 = chiSquare(thetas[i]);
      double radius2 = 0.0;
      for (double t : thetas[i]) {
        radius2 += t * t;
      }
      values[i] = -0.5 * chi2 - logNormaliser;
      extras[i] = new double[] {radius2, chi2};
    }
    return new Evaluation(values, extras);
  }

  @Override
  public OptionalDouble knownLogEvidence() {
    return logEvidence;
  }

  @Override
  public String toString() {
    return "gaussian(dim=" + dimension() + ", sigma=" + sigma + ", correlation=" + correlation
        + ", half-width=" + halfWidth + ")";
  }

  private static OptionalDouble logEvidence(int dim, double sigma, double correlation, double halfWidth) {
    OptionalDouble logMass = GaussianBoxMass.logMass(dim, sigma, correlation, halfWidth);
    double logVolume = dim * FastMath.log(2.0 * halfWidth);
    return logMass.isPresent() ? OptionalDouble.of(logMass.getAsDouble() - logVolume) : logMass;
  }

  private static double[][] choleskyOfCorrelation(int dim, double correlation) {
    RealMatrix matrix = new Array2DRowRealMatrix(dim, dim);
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        matrix.setEntry(i, j, i == j ? 1.0 : correlation);
      }
    }
    RealMatrix l;
    try {
      l = new CholeskyDecomposition(matrix, 0.0, 1e-12).getL();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new SettingsException(List.of("parameter 'correlation' of model 'gaussian' is too close to "
          + "the positive-definite limit for dim " + dim + ", got " + correlation));
    }
    double[][] rows = new double[dim][];
    for (int i = 0; i < dim; i++) {
      rows[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        rows[i][j] = l.getEntry(i, j);
      }
    }
    return rows;
  }

  /** Builds {@code gaussian} from its parameters; usable by class name. */
  public static final class Factory implements ModelFactory {
    /** The factory; it holds no state. */
    public Factory() {}

    @Override
    public Model create(ModelParameters params) {
      int dim = ExampleParameters.dimension(params, 10, 1);
      double sigma = ExampleParameters.positive(params, "sigma", 1.0);
      double correlation = params.getDouble("correlation", 0.0);
      double lowest = dim >= 2 ? -1.0 / (dim - 1) : -1.0;
      params.require(correlation > lowest && correlation < 1.0,
          "parameter 'correlation' must lie in (" + lowest + ", 1) for dim " + dim
              + ", where the covariance is positive definite, got " + correlation);
      double halfWidth = ExampleParameters.positive(params, "half-width", 10.0);
      boolean derived = params.getBoolean("derived", false);
      return ExampleParameters.finish(params, () -> new GaussianModel(dim, sigma, correlation, halfWidth, derived));
    }
  }
}
