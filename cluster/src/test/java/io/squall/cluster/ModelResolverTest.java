package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.squall.sampler.Model;
import io.squall.sampler.SettingsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelResolverTest {
  private static String problem(String name, Map<String, String> params) {
    List<String> problems = assertThrows(SettingsException.class,
        () -> ModelResolver.resolve(new ModelSpec(name, params))).problems();
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  private static String problem(String name) {
    return problem(name, Map.of());
  }

  @Test
  void builtInModelByName() {
    Model model = ModelResolver.resolve(new ModelSpec("gaussian", Map.of("dim", "3")));
    assertEquals(3, model.dimension());
  }

  @Test
  void builtInModelRejectsAnUnknownParameter() {
    assertThrows(SettingsException.class,
        () -> ModelResolver.resolve(new ModelSpec("gaussian", Map.of("dimm", "3"))));
  }

  @Test
  void unknownName() {
    assertEquals("unknown model 'foo': not a built-in model (gaussian, shells, eggbox, rosenbrock, nbody) "
        + "and no class of that name on the classpath", problem("foo"));
  }

  @Test
  void classThatIsNotAModelFactory() {
    String name = TestModels.NotAFactory.class.getName();
    assertEquals("model class '" + name + "' does not implement io.squall.sampler.ModelFactory", problem(name));
  }

  @Test
  void classWithoutNoArgumentConstructor() {
    String name = TestModels.NeedsArgument.class.getName();
    assertEquals("model class '" + name + "' has no public no-argument constructor", problem(name));
  }

  @Test
  void constructorThatThrows() {
    String name = TestModels.ThrowingConstructor.class.getName();
    assertEquals("model class '" + name + "': its constructor threw IllegalStateException: "
        + "no licence for this model", problem(name));
  }

  @Test
  void interfaceIsNotInstantiable() {
    assertEquals("model class 'io.squall.sampler.ModelFactory' is abstract; name a concrete class",
        problem("io.squall.sampler.ModelFactory"));
  }

  @Test
  void modelFactoryClassIsBuiltWithItsParameters() {
    Model model = ModelResolver.resolve(new ModelSpec(TestModels.Gaussian2d.class.getName(), Map.of("sigma", "2")));
    assertEquals(2, model.dimension());
    assertEquals(-Math.log(100), model.knownLogEvidence().getAsDouble());
  }

  @Test
  void modelFactoryClassReportsItsParameterProblems() {
    String name = TestModels.Gaussian2d.class.getName();
    assertEquals("parameter 'sigma' of model '" + name + "' must be a number, got 'wide'",
        problem(name, Map.of("sigma", "wide")));
  }
}
