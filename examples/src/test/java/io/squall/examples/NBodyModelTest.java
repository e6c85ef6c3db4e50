package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.SettingsException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NBodyModelTest {
  /** A cheaper model than the default (the physics is the same). */
  private static NBodyModel small() {
    return (NBodyModel) ExampleModels.create("nbody", Map.of("bodies", "48", "steps", "400"));
  }

  private static NBodySimulation isolatedSphere(int bodies) {
    PlummerSphere sphere = PlummerSphere.sample(bodies, 1);
    double[] masses = new double[bodies];
    Arrays.fill(masses, 1.0 / bodies);
    return new NBodySimulation(masses, sphere.positions(), sphere.velocities(), 0.25,
        NBodySimulation.ExternalPotential.NONE);
  }

  @Test
  void leapfrogConservesEnergyWithoutExternalPotentialAndConvergesAtSecondOrder() {
    double[] errors = new double[2];
    double[] steps = {0.02, 0.01};
    for (int k = 0; k < steps.length; k++) {
      NBodySimulation simulation = isolatedSphere(64);
      double initial = simulation.energy();
      simulation.run(steps[k], (int) Math.round(10.0 / steps[k]));
      errors[k] = Math.abs((simulation.energy() - initial) / initial);
    }
    assertTrue(errors[1] < 1e-4, "relative energy error " + errors[1]);
    // halving the step divides a second-order error by about 4
    assertTrue(errors[0] / errors[1] > 2.5, Arrays.toString(errors));
  }

  @Test
  void plummerSphereIsAtRestAtTheOriginAndNearVirialEquilibrium() {
    PlummerSphere sphere = PlummerSphere.sample(2000, 3);
    double kinetic = 0.0;
    double[] mean = new double[3];
    for (int i = 0; i < sphere.bodies(); i++) {
      for (int k = 0; k < 3; k++) {
        mean[k] += sphere.positions()[3 * i + k] + sphere.velocities()[3 * i + k];
        kinetic += 0.5 / sphere.bodies() * sphere.velocities()[3 * i + k] * sphere.velocities()[3 * i + k];
      }
    }
    assertArrayEquals(new double[3], mean, 1e-9);
    // Plummer (G = M = a = 1): K = 3π/64 = 0.147; 2000 bodies and the r < 10 cut give a few per cent
    assertEquals(3 * Math.PI / 64, kinetic, 0.015);
  }

  @Test
  void evaluationsAreDeterministic() {
    double[] theta = {0.9, 1.7, 2.4};
    double first = small().logLikelihood(theta);
    assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(small().logLikelihood(theta)));
    double[][] batch = {theta, NBodyModel.TRUTH};
    assertEquals(first, small().logLikelihoods(batch)[0]);
  }

  @Test
  void likelihoodPeaksAtTheTrueParameters() {
    NBodyModel model = small();
    double peak = model.logLikelihood(NBodyModel.TRUTH);
    for (int p = 0; p < 3; p++) {
      for (double factor : new double[] {0.8, 0.9, 1.1, 1.25}) {
        double[] theta = NBodyModel.TRUTH.clone();
        theta[p] *= factor;
        double value = model.logLikelihood(theta);
        assertTrue(value < peak, model.parameterNames().get(p) + " x " + factor + ": " + value + " >= " + peak);
      }
    }
    // far from the truth the fit is bad: the orbit ends elsewhere
    assertTrue(model.logLikelihood(new double[] {1.4, 1.0, 2.0}) < peak - 100);
  }

  @Test
  void priorCoversTheTruthAndNamesTheParameters() {
    NBodyModel model = small();
    assertEquals(java.util.List.of("v_host", "m_cluster", "r_orbit"), model.parameterNames());
    double[] centre = model.theta(new double[] {0.5, 0.5, 0.5});
    assertEquals(1.0, centre[0], 1e-12);
    assertEquals(1.0, centre[1], 1e-12); // log-uniform on (0.2, 5): geometric mean 1
    assertEquals(2.25, centre[2], 1e-12);
  }

  @Test
  void badParametersAreNamed() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> ExampleModels.create("nbody", Map.of("bodies", "1", "steps", "0", "ic-seed", "x")));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("'bodies' must be >= 2, got 1"), e.getMessage());
    assertTrue(e.getMessage().contains("'steps' must be >= 1, got 0"), e.getMessage());
    assertTrue(e.getMessage().contains("'ic-seed'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> small().logLikelihood(new double[] {1, 2}));
  }
}
