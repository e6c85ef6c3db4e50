package io.squall.sampler;

/** Small reference models for the sampler's own tests (the examples module has the full set). */
final class TestModels {
  private TestModels() {}

  /**
   * L = N(θ; 0, Σ), Σᵢᵢ = 1, Σᵢⱼ = rho, prior U(−10, 10)^d; log Z = −d·ln 20 (mass outside the box
   * is below 1e-20).
   */
  static Model gaussian(int d, double rho) {
    double[][] cov = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        cov[i][j] = i == j ? 1.0 : rho;
      }
    }
    Mode shape = Mode.of(new double[d], cov);
    double[][] l = shape.cholesky();
    double logDet = 0.0;
    for (int i = 0; i < d; i++) {
      logDet += 2 * Math.log(l[i][i]);
    }
    double norm = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDet;
    return Model.of(Prior.uniformBox(d, -10, 10), theta -> norm - 0.5 * shape.mahalanobis2(theta));
  }

  /**
   * L = 0.8·N(θ; (−4, 0), I) + 0.2·N(θ; (4, 0), I), prior U(−10, 10)²: two separated modes of
   * unequal weight; log Z = −2·ln 20 (mass outside the box below 1e-9).
   */
  static Model twoModes() {
    double logNorm = -Math.log(2 * Math.PI);
    return Model.of(Prior.uniformBox(2, -10, 10), theta -> {
      double a = Math.log(0.8) + logNorm - 0.5 * ((theta[0] + 4) * (theta[0] + 4) + theta[1] * theta[1]);
      double b = Math.log(0.2) + logNorm - 0.5 * ((theta[0] - 4) * (theta[0] - 4) + theta[1] * theta[1]);
      return LogMath.logAddExp(a, b);
    });
  }

  static double gaussianLogEvidence(int d) {
    return -d * Math.log(20.0);
  }
}
