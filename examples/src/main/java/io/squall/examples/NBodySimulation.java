package io.squall.examples;

/**
 * Direct-summation N-body integration with G = 1: every pair attracts with the Plummer-softened
 * force m_i·m_j·(r_j − r_i)/(|r_j − r_i|² + ε²)^{3/2}, optionally in a static external potential
 * (the host galaxy, {@link LogarithmicHost}). Time stepping is the leapfrog in its
 * kick-drift-kick form with a fixed step: second order, time-reversible and symplectic, so the
 * energy error stays bounded instead of drifting.
 *
 * <p>A simulation is mutable and belongs to one thread; a model builds one per evaluation. Only
 * +, −, ×, ÷ and √ are used on the state, all exact IEEE operations in Java, so a simulation is a
 * deterministic function of its input on every JVM and thread.
 */
final class NBodySimulation {
  /** A static external potential Φ(r) that adds −∇Φ to every body's acceleration. */
  interface ExternalPotential {
    /** No external potential. */
    ExternalPotential NONE = new ExternalPotential() {
      @Override
      public void addAccelerations(double[] positions, double[] accelerations) {}

      @Override
      public double potential(double x, double y, double z) {
        return 0.0;
      }
    };

    /** Adds −∇Φ at body i's position ({@code positions[3i…3i+2]}) to {@code accelerations[3i…]}. */
    void addAccelerations(double[] positions, double[] accelerations);

    /** Φ at (x, y, z), per unit mass. */
    double potential(double x, double y, double z);
  }

  /**
   * The logarithmic potential Φ(r) = ½·v₀²·ln(r² + r_c²) of a galaxy with a flat rotation curve
   * v_c → v₀ far outside the core radius r_c (Binney &amp; Tremaine 2008, eq. 2.71, spherical).
   *
   * @param circularVelocity v₀
   * @param coreRadius r_c &gt; 0
   */
  record LogarithmicHost(double circularVelocity, double coreRadius) implements ExternalPotential {
    @Override
    public void addAccelerations(double[] positions, double[] accelerations) {
      double v2 = circularVelocity * circularVelocity;
      double core2 = coreRadius * coreRadius;
      for (int i = 0; i < positions.length; i += 3) {
        double x = positions[i];
        double y = positions[i + 1];
        double z = positions[i + 2];
        double factor = -v2 / (x * x + y * y + z * z + core2);
        accelerations[i] += factor * x;
        accelerations[i + 1] += factor * y;
        accelerations[i + 2] += factor * z;
      }
    }

    @Override
    public double potential(double x, double y, double z) {
      return 0.5 * circularVelocity * circularVelocity * StrictMath.log(x * x + y * y + z * z + coreRadius * coreRadius);
    }

    /** The circular speed at radius r: v₀·r/√(r² + r_c²). */
    double circularSpeed(double r) {
      return circularVelocity * r / Math.sqrt(r * r + coreRadius * coreRadius);
    }
  }

  private final double[] masses;
  private final double[] positions;
  private final double[] velocities;
  private final double[] accelerations;
  private final double softening2;
  private final ExternalPotential external;

  /**
   * A simulation of {@code masses.length} bodies starting from copies of {@code positions} and
   * {@code velocities} (x, y, z of body i at {@code 3i … 3i+2}).
   */
  NBodySimulation(double[] masses, double[] positions, double[] velocities, double softening,
      ExternalPotential external) {
    if (positions.length != 3 * masses.length || velocities.length != 3 * masses.length) {
      throw new IllegalArgumentException("need 3 coordinates per body for " + masses.length + " bodies, got "
          + positions.length + " and " + velocities.length);
    }
    this.masses = masses.clone();
    this.positions = positions.clone();
    this.velocities = velocities.clone();
    this.accelerations = new double[positions.length];
    this.softening2 = softening * softening;
    this.external = external;
    computeAccelerations();
  }

  /** Advances {@code steps} kick-drift-kick leapfrog steps of length {@code dt}. */
  void run(double dt, int steps) {
    double half = 0.5 * dt;
    for (int s = 0; s < steps; s++) {
      kick(half);
      for (int k = 0; k < positions.length; k++) {
        positions[k] += dt * velocities[k];
      }
      computeAccelerations();
      kick(half);
    }
  }

  /** Total energy: kinetic + softened pair potential + external potential. */
  double energy() {
    double kinetic = 0.0;
    double external = 0.0;
    for (int i = 0; i < masses.length; i++) {
      double vx = velocities[3 * i];
      double vy = velocities[3 * i + 1];
      double vz = velocities[3 * i + 2];
      kinetic += 0.5 * masses[i] * (vx * vx + vy * vy + vz * vz);
      external += masses[i] * this.external.potential(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
    }
    double pairs = 0.0;
    for (int i = 0; i < masses.length; i++) {
      for (int j = i + 1; j < masses.length; j++) {
        double dx = positions[3 * j] - positions[3 * i];
        double dy = positions[3 * j + 1] - positions[3 * i + 1];
        double dz = positions[3 * j + 2] - positions[3 * i + 2];
        pairs -= masses[i] * masses[j] / Math.sqrt(dx * dx + dy * dy + dz * dz + softening2);
      }
    }
    return kinetic + pairs + external;
  }

  /** A copy of the positions (x, y, z of body i at {@code 3i … 3i+2}). */
  double[] positions() {
    return positions.clone();
  }

  /** A copy of the velocities. */
  double[] velocities() {
    return velocities.clone();
  }

  private void kick(double dt) {
    for (int k = 0; k < velocities.length; k++) {
      velocities[k] += dt * accelerations[k];
    }
  }

  /** a_i = Σ_j m_j·(r_j − r_i)/(|r_j − r_i|² + ε²)^{3/2} − ∇Φ(r_i), each pair visited once. */
  private void computeAccelerations() {
    java.util.Arrays.fill(accelerations, 0.0);
    int n = masses.length;
    for (int i = 0; i < n; i++) {
      double xi = positions[3 * i];
      double yi = positions[3 * i + 1];
      double zi = positions[3 * i + 2];
      double axi = 0.0;
      double ayi = 0.0;
      double azi = 0.0;
      for (int j = i + 1; j < n; j++) {
        double dx = positions[3 * j] - xi;
        double dy = positions[3 * j + 1] - yi;
        double dz = positions[3 * j + 2] - zi;
        double r2 = dx * dx + dy * dy + dz * dz + softening2;
        double inverseCube = 1.0 / (r2 * Math.sqrt(r2));
        double towardsJ = masses[j] * inverseCube;
        double towardsI = masses[i] * inverseCube;
        axi += towardsJ * dx;
        ayi += towardsJ * dy;
        azi += towardsJ * dz;
        accelerations[3 * j] -= towardsI * dx;
        accelerations[3 * j + 1] -= towardsI * dy;
        accelerations[3 * j + 2] -= towardsI * dz;
      }
      accelerations[3 * i] += axi;
      accelerations[3 * i + 1] += ayi;
      accelerations[3 * i + 2] += azi;
    }
    external.addAccelerations(positions, accelerations);
  }
}
