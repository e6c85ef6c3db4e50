package io.squall.examples;

import io.squall.sampler.Boundary;
import io.squall.sampler.Coordinate;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.Prior;
import java.util.List;

/**
 * Built-in model {@code nbody}: an expensive, simulation-based likelihood. Each evaluation
 * integrates a small star cluster through a host galaxy with a direct-summation N-body code and
 * compares its end state with (synthetic) observations — the kind of likelihood that motivates a
 * cluster of machines.
 *
 * <ul>
 *   <li>Simulation ({@link NBodySimulation}): a Plummer sphere of {@code bodies} equal-mass bodies
 *       (total mass m_cluster, scale radius {@value #CLUSTER_RADIUS}, softening
 *       {@value #SOFTENING}; G = 1), drawn once from the fixed seed {@code ic-seed}
 *       ({@link PlummerSphere}), starts at (r_orbit, 0, 0) on the circular orbit of a logarithmic
 *       host potential Φ = ½·v_host²·ln(r² + {@value #CORE_RADIUS}²), inclined by 30° to the
 *       sky plane, and is integrated for time {@value #DURATION} (about a third of an orbit) in
 *       {@code steps} kick-drift-kick leapfrog steps. Cost: O(bodies² · steps), about 39 ms per evaluation with the defaults.
 *   <li>Observables (the sky is the x–y plane, the line of sight z): the cluster's projected
 *       centre x̄, ȳ (mean of the bodies), its mean line-of-sight velocity v̄_z, its one-dimensional
 *       velocity dispersion σ_v (from proper motions and line-of-sight velocities, √(Σ|v − v̄|²/3N))
 *       and its projected RMS radius R_rms about the centre.
 *   <li>Likelihood: independent Gaussian errors on the five observables with standard deviations
 *       {@link #NOISE} = (0.02, 0.02, 0.02, 0.05·σ_v,obs, 0.05·R_rms,obs); the observations are the
 *       simulation at the true parameters {@link #TRUTH} (v_host 1, m_cluster 1, r_orbit 2),
 *       without noise, so the likelihood peaks there exactly.
 *   <li>Prior: v_host ~ U(0.5, 1.5), m_cluster ~ log-U(0.2, 5), r_orbit ~ U(1.5, 3).
 *   <li>Parameters: {@code bodies} (128, ≥ 2), {@code steps} (1000, ≥ 1), {@code ic-seed} (1),
 *       {@code delay-ms} (see {@link DelayedModel}). The log-evidence is not known.
 * </ul>
 *
 * <p>The model is deterministic (fixed initial conditions, exact arithmetic) and stateless, so it
 * is safe to evaluate from several threads and gives bit-identical runs in every mode.
 */
public final class NBodyModel implements Model {
  /** The true parameters (v_host, m_cluster, r_orbit) that made the observations. */
  static final double[] TRUTH = {1.0, 1.0, 2.0};
  static final double CLUSTER_RADIUS = 0.2;
  static final double SOFTENING = 0.05;
  static final double CORE_RADIUS = 0.5;
  static final double DURATION = 4.0;
  static final double INCLINATION = Math.toRadians(30.0);
  /** Errors of x̄, ȳ, v̄_z (absolute) and of σ_v, R_rms (relative to the observed value). */
  static final double[] NOISE = {0.02, 0.02, 0.02, 0.05, 0.05};
  static final List<String> OBSERVABLES = List.of("x", "y", "vz", "sigma_v", "r_rms");

  private static final Prior PRIOR = Prior.of(
      Coordinate.uniform("v_host", 0.5, 1.5),
      Coordinate.logUniform("m_cluster", 0.2, 5.0),
      Coordinate.uniform("r_orbit", 1.5, 3.0));

  private final PlummerSphere sphere;
  private final int steps;
  private final double[] observed;
  private final double[] sigmas;
  private final double logNormaliser;

  private NBodyModel(int bodies, int steps, long icSeed) {
    this.sphere = PlummerSphere.sample(bodies, icSeed);
    this.steps = steps;
    this.observed = observables(TRUTH);
    this.sigmas = new double[] {NOISE[0], NOISE[1], NOISE[2], NOISE[3] * observed[3], NOISE[4] * observed[4]};
    double sum = 0.0;
    for (double sigma : sigmas) {
      sum += StrictMath.log(sigma);
    }
    this.logNormaliser = sum + 0.5 * sigmas.length * StrictMath.log(2.0 * Math.PI);
  }

  @Override
  public int dimension() {
    return PRIOR.dimension();
  }

  @Override
  public List<String> parameterNames() {
    return PRIOR.parameterNames();
  }

  @Override
  public List<Boundary> boundaries() {
    return PRIOR.boundaries();
  }

  @Override
  public double[] theta(double[] unitCube) {
    return PRIOR.theta(unitCube);
  }

  @Override
  public double[] logLikelihoods(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int i = 0; i < thetas.length; i++) {
      out[i] = logLikelihood(thetas[i]);
    }
    return out;
  }

  /** log L(θ) = −½·Σ_k ((s_k(θ) − s_k,obs)/σ_k)² − Σ_k ln σ_k − (5/2)·ln 2π. */
  double logLikelihood(double[] theta) {
    if (theta.length != dimension()) {
      throw new IllegalArgumentException(this + " has " + dimension() + " parameters, got a point with "
          + theta.length);
    }
    double[] simulated = observables(theta);
    double chi2 = 0.0;
    for (int k = 0; k < simulated.length; k++) {
      double z = (simulated[k] - observed[k]) / sigmas[k];
      chi2 += z * z;
    }
    return -0.5 * chi2 - logNormaliser;
  }

  /** The observables (x̄, ȳ, v̄_z, σ_v, R_rms) of the simulation at θ = (v_host, m_cluster, r_orbit). */
  double[] observables(double[] theta) {
    return summarise(simulate(theta[0], theta[1], theta[2]));
  }

  /** The cluster at the end of its integration. */
  NBodySimulation simulate(double hostVelocity, double clusterMass, double orbitRadius) {
    int n = sphere.bodies();
    double[] masses = new double[n];
    java.util.Arrays.fill(masses, clusterMass / n);
    double velocityScale = Math.sqrt(clusterMass / CLUSTER_RADIUS);
    NBodySimulation.LogarithmicHost host = new NBodySimulation.LogarithmicHost(hostVelocity, CORE_RADIUS);
    double speed = host.circularSpeed(orbitRadius);
    double[] orbit = {0.0, speed * StrictMath.cos(INCLINATION), speed * StrictMath.sin(INCLINATION)};
    double[] positions = new double[3 * n];
    double[] velocities = new double[3 * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        positions[3 * i + k] = CLUSTER_RADIUS * sphere.positions()[3 * i + k] + (k == 0 ? orbitRadius : 0.0);
        velocities[3 * i + k] = velocityScale * sphere.velocities()[3 * i + k] + orbit[k];
      }
    }
    NBodySimulation simulation = new NBodySimulation(masses, positions, velocities, SOFTENING, host);
    simulation.run(DURATION / steps, steps);
    return simulation;
  }

  private static double[] summarise(NBodySimulation simulation) {
    double[] x = simulation.positions();
    double[] v = simulation.velocities();
    int n = x.length / 3;
    double cx = 0.0;
    double cy = 0.0;
    double[] meanVelocity = new double[3];
    for (int i = 0; i < n; i++) {
      cx += x[3 * i];
      cy += x[3 * i + 1];
      for (int k = 0; k < 3; k++) {
        meanVelocity[k] += v[3 * i + k];
      }
    }
    cx /= n;
    cy /= n;
    for (int k = 0; k < 3; k++) {
      meanVelocity[k] /= n;
    }
    double dispersion2 = 0.0;
    double radius2 = 0.0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        double dv = v[3 * i + k] - meanVelocity[k];
        dispersion2 += dv * dv;
      }
      double dx = x[3 * i] - cx;
      double dy = x[3 * i + 1] - cy;
      radius2 += dx * dx + dy * dy;
    }
    return new double[] {cx, cy, meanVelocity[2], Math.sqrt(dispersion2 / (3 * n)), Math.sqrt(radius2 / n)};
  }

  @Override
  public String toString() {
    return "nbody(bodies=" + sphere.bodies() + ", steps=" + steps + ")";
  }

  /** Builds {@code nbody} from its parameters; usable by class name. */
  public static final class Factory implements ModelFactory {
    /** The factory; it holds no state. */
    public Factory() {}

    @Override
    public Model create(ModelParameters params) {
      int bodies = params.getInt("bodies", 128);
      params.require(bodies >= 2, "parameter 'bodies' must be >= 2, got " + bodies);
      int steps = params.getInt("steps", 1000);
      params.require(steps >= 1, "parameter 'steps' must be >= 1, got " + steps);
      int icSeed = params.getInt("ic-seed", 1);
      return ExampleParameters.finish(params, () -> new NBodyModel(bodies, steps, icSeed));
    }
  }
}
