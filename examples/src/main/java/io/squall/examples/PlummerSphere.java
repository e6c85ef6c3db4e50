package io.squall.examples;

import java.util.SplittableRandom;

/**
 * Initial conditions of an isotropic Plummer sphere of equal-mass bodies in N-body units (G = 1,
 * total mass 1, scale radius 1), drawn as in Aarseth, Hénon &amp; Wielen (1974, A&amp;A 37, 183):
 * radii from the inverse of the cumulative mass M(&lt;r) = r³/(1 + r²)^{3/2}, speeds by rejection
 * from g(q) = q²(1 − q²)^{7/2}, q = v/v_esc, v_esc = √2·(1 + r²)^{−1/4}, directions isotropic.
 * Radii beyond {@value #MAX_RADIUS} are redrawn (the usual cut of 0.4 % of the mass). The centre of
 * mass is then moved to rest at the origin.
 *
 * <p>The draws come from a {@link SplittableRandom} with a fixed seed, and only exact IEEE
 * operations and {@link StrictMath} are used, so the same seed gives the same bodies, bit for bit,
 * on every JVM: the sphere is part of a model's definition, not a random input of a run.
 *
 * @param positions x, y, z of body i at {@code 3i … 3i+2}
 * @param velocities vx, vy, vz of body i at {@code 3i … 3i+2}
 */
record PlummerSphere(double[] positions, double[] velocities) {
  /** Radii are drawn below this many scale radii. */
  static final double MAX_RADIUS = 10.0;

  /** {@code bodies} ≥ 2 bodies drawn from {@code seed}. */
  static PlummerSphere sample(int bodies, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] positions = new double[3 * bodies];
    double[] velocities = new double[3 * bodies];
    for (int i = 0; i < bodies; i++) {
      double r = radius(random);
      direction(random, r, positions, 3 * i);
      double speed = speedFraction(random) * Math.sqrt(2.0) * StrictMath.pow(1.0 + r * r, -0.25);
      direction(random, speed, velocities, 3 * i);
    }
    toCentreOfMassFrame(positions);
    toCentreOfMassFrame(velocities);
    return new PlummerSphere(positions, velocities);
  }

  /** Number of bodies. */
  int bodies() {
    return positions.length / 3;
  }

  private static double radius(SplittableRandom random) {
    while (true) {
      double mass = random.nextDouble();
      if (mass > 0) {
        double r = 1.0 / Math.sqrt(StrictMath.pow(mass, -2.0 / 3.0) - 1.0);
        if (r < MAX_RADIUS) {
          return r;
        }
      }
    }
  }

  /** q = v/v_esc by von Neumann rejection under g(q) = q²(1 − q²)^{7/2}, whose maximum is below 0.1. */
  private static double speedFraction(SplittableRandom random) {
    while (true) {
      double q = random.nextDouble();
      double g = 0.1 * random.nextDouble();
      if (g < q * q * StrictMath.pow(1.0 - q * q, 3.5)) {
        return q;
      }
    }
  }

  /** Writes a vector of length {@code length} in an isotropic random direction at {@code out[at…]}. */
  private static void direction(SplittableRandom random, double length, double[] out, int at) {
    double cosTheta = 2.0 * random.nextDouble() - 1.0;
    double sinTheta = Math.sqrt(1.0 - cosTheta * cosTheta);
    double phi = 2.0 * Math.PI * random.nextDouble();
    out[at] = length * sinTheta * StrictMath.cos(phi);
    out[at + 1] = length * sinTheta * StrictMath.sin(phi);
    out[at + 2] = length * cosTheta;
  }

  private static void toCentreOfMassFrame(double[] vectors) {
    int bodies = vectors.length / 3;
    for (int k = 0; k < 3; k++) {
      double sum = 0.0;
      for (int i = 0; i < bodies; i++) {
        sum += vectors[3 * i + k];
      }
      double mean = sum / bodies;
      for (int i = 0; i < bodies; i++) {
        vectors[3 * i + k] -= mean;
      }
    }
  }
}
