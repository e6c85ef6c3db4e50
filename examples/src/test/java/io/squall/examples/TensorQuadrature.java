package io.squall.examples;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre rules for the tests' direct multi-dimensional integrals: {@code nodes}
 * points on each of {@code pieces} equal sub-intervals of [a, b]. Deliberately independent of the
 * models' own (adaptive, one-dimensional, analytically reduced) computations.
 */
final class TensorQuadrature {
  final double[] points;
  final double[] weights;

  private TensorQuadrature(double[] points, double[] weights) {
    this.points = points;
    this.weights = weights;
  }

  static TensorQuadrature of(int nodes, int pieces, double a, double b) {
    double[] points = new double[nodes * pieces];
    double[] weights = new double[nodes * pieces];
    double h = (b - a) / pieces;
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    for (int k = 0; k < pieces; k++) {
      GaussIntegrator rule = factory.legendre(nodes, a + k * h, a + (k + 1) * h);
      for (int i = 0; i < nodes; i++) {
        points[k * nodes + i] = rule.getPoint(i);
        weights[k * nodes + i] = rule.getWeight(i);
      }
    }
    return new TensorQuadrature(points, weights);
  }

  /** Number of points. */
  int size() {
    return points.length;
  }
}
