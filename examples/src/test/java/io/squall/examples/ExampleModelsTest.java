package io.squall.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleModelsTest {
  private static String problem(String name, Map<String, String> params) {
    SettingsException e = assertThrows(SettingsException.class, () -> ExampleModels.create(name, params));
    return e.getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
  }

  @Test
  void namesAreTheFourReferenceModelsAndNbody() {
    assertEquals(List.of("gaussian", "shells", "eggbox", "rosenbrock", "nbody"), ExampleModels.names());
  }

  @Test
  void defaultsReproduceTheReferenceTable() {
    Map<String, Double> table = Map.of("gaussian", -29.9573, "shells", -1.7456, "eggbox", 235.856,
        "rosenbrock", -29.9958);
    Map<String, Integer> dims = Map.of("gaussian", 10, "shells", 2, "eggbox", 2, "rosenbrock", 10);
    for (String name : table.keySet()) {
      Model model = ExampleModels.create(name, Map.of());
      assertEquals(dims.get(name), model.dimension(), name);
      assertEquals(table.get(name), model.knownLogEvidence().getAsDouble(), 5e-4, name);
    }
  }

  @Test
  void everyModelEvaluatesABatchOfUnitCubePoints() {
    for (String name : ExampleModels.names()) {
      Model model = ExampleModels.create(name, Map.of());
      double[][] unit = {new double[model.dimension()], new double[model.dimension()]};
      java.util.Arrays.fill(unit[1], 0.5);
      double[] values = model.logLikelihoodsOfUnitCube(unit);
      assertEquals(2, values.length, name);
      for (double value : values) {
        assertTrue(!Double.isNaN(value) && value < Double.POSITIVE_INFINITY, name + ": " + value);
      }
    }
  }

  @Test
  void factoryOfANameBuildsTheSameModel() {
    ModelFactory factory = ExampleModels.factory("rosenbrock");
    Model model = factory.create(ModelParameters.of("rosenbrock", Map.of("dim", "4")));
    assertEquals(4, model.dimension());
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.squall.examples.GaussianModel$Factory", "io.squall.examples.ShellsModel$Factory",
      "io.squall.examples.EggboxModel$Factory", "io.squall.examples.RosenbrockModel$Factory"})
  void factoriesCanBeNamedByClass(String className) throws ReflectiveOperationException {
    ModelFactory factory = (ModelFactory) Class.forName(className).getConstructor().newInstance();
    Model model = factory.create(ModelParameters.of(className, Map.of("delay-ms", "0")));
    assertTrue(model.knownLogEvidence().isPresent(), className);
  }

  @Test
  void unknownModelNameListsTheKnownNames() {
    assertMentions(problem("gausian", Map.of()), "gausian", "gaussian, shells, eggbox, rosenbrock, nbody");
    assertThrows(SettingsException.class, () -> ExampleModels.factory("Gaussian"));
  }

  @Test
  void unknownParameterIsNamedWithTheKnownOnes() {
    assertMentions(problem("gaussian", Map.of("dimension", "3")), "unknown parameter 'dimension'",
        "dim", "sigma", "correlation", "half-width", "delay-ms");
    assertMentions(problem("eggbox", Map.of("width", "1")), "unknown parameter 'width'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "shells", "eggbox", "rosenbrock"})
  void mistypedDimensionIsNamed(String name) {
    assertMentions(problem(name, Map.of("dim", "abc")), "'dim'", "integer", "abc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "shells", "rosenbrock"})
  void negativeDimensionIsNamed(String name) {
    assertMentions(problem(name, Map.of("dim", "-4")), "'dim'", "-4");
    assertMentions(problem(name, Map.of("dim", "0")), "'dim'", "got 0");
  }

  @Test
  void eggboxIsTwoDimensionalOnly() {
    assertMentions(problem("eggbox", Map.of("dim", "3")), "'dim'", "must be 2", "got 3");
    assertEquals(2, ExampleModels.create("eggbox", Map.of("dim", "2")).dimension());
  }

  @Test
  void oddRosenbrockDimensionIsNamed() {
    assertMentions(problem("rosenbrock", Map.of("dim", "7")), "'dim'", "even", "got 7");
  }

  @Test
  void correlationOutsideThePositiveDefiniteRangeIsNamed() {
    // For dim 10 the range is (−1/9, 1).
    assertMentions(problem("gaussian", Map.of("correlation", "-0.2")), "'correlation'", "-0.2", "dim 10");
    assertMentions(problem("gaussian", Map.of("correlation", "1")), "'correlation'", "got 1.0");
    assertMentions(problem("gaussian", Map.of("dim", "3", "correlation", "-0.5")), "'correlation'", "-0.5");
    assertEquals(3, ExampleModels.create("gaussian", Map.of("dim", "3", "correlation", "-0.49")).dimension());
  }

  @Test
  void correlationAtTheNumericalLimitIsNamed() {
    // Inside the open interval, but the second Cholesky pivot, 1 − ρ² ≈ 2e−13, is below 1e−12.
    assertMentions(problem("gaussian", Map.of("dim", "2", "correlation", "0.9999999999999")), "'correlation'");
  }

  @Test
  void nonPositiveScalesAreNamed() {
    assertMentions(problem("gaussian", Map.of("sigma", "0")), "'sigma'", "> 0");
    assertMentions(problem("gaussian", Map.of("half-width", "-1")), "'half-width'");
    assertMentions(problem("gaussian", Map.of("sigma", "NaN")), "'sigma'", "finite");
    assertMentions(problem("shells", Map.of("width", "0")), "'width'");
    assertMentions(problem("shells", Map.of("radius", "-1")), "'radius'");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> ExampleModels.create("gaussian",
        Map.of("dim", "x", "sigma", "-1", "colour", "red", "delay-ms", "-3")));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertMentions(e.getMessage(), "'dim'", "'sigma'", "'colour'", "'delay-ms'");
  }

  @Test
  void delayMustBeANonNegativeNumber() {
    assertMentions(problem("shells", Map.of("delay-ms", "-1")), "'delay-ms'", ">= 0");
    assertMentions(problem("rosenbrock", Map.of("delay-ms", "soon")), "'delay-ms'", "soon");
  }

  @Test
  void aDelayWrapsTheModelAndZeroDoesNot() {
    assertInstanceOf(GaussianModel.class, ExampleModels.create("gaussian", Map.of("delay-ms", "0")));
    Model delayed = ExampleModels.create("eggbox", Map.of("delay-ms", "0.25"));
    assertInstanceOf(DelayedModel.class, delayed);
    assertEquals(0.25, ((DelayedModel) delayed).delayMs());
  }
}
