package io.squall.examples;

import java.util.Arrays;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * One-dimensional integrals for the known evidences: adaptive Gauss–Legendre (commons-math3,
 * 16 nodes, refined until two stages agree to 1e-13 relative) on each piece between breakpoints,
 * which should sit where the integrand changes abruptly. Integrands should be scaled to a maximum
 * of order one (the absolute tolerance is 1e-15).
 */
final class Quadrature {
  private static final int NODES = 16;
  private static final double RELATIVE_ACCURACY = 1e-13;
  private static final double ABSOLUTE_ACCURACY = 1e-15;
  private static final int MAX_EVALUATIONS = 10_000_000;

  private Quadrature() {}

  /** ∫ f from the smallest to the largest breakpoint, summed over the pieces between them. */
  static double integrate(UnivariateFunction f, double... breakpoints) {
    double[] b = breakpoints.clone();
    Arrays.sort(b);
    double sum = 0.0;
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i + 1] > b[i]) {
        IterativeLegendreGaussIntegrator integrator =
            new IterativeLegendreGaussIntegrator(NODES, RELATIVE_ACCURACY, ABSOLUTE_ACCURACY);
        sum += integrator.integrate(MAX_EVALUATIONS, f, b[i], b[i + 1]);
      }
    }
    return sum;
  }
}
