package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void everyProblemIsReportedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> SamplerSettings.builder()
        .activeParticles(-1).effectiveParticles(0).mcmcSteps(5).maxMcmcSteps(2).kernel(null).build());
    List<String> problems = e.problems();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("activeParticles") && problems.get(0).contains("-1"));
    assertTrue(e.getMessage().contains("effectiveParticles"));
    assertTrue(e.getMessage().contains("maxMcmcSteps (2) must be >= mcmcSteps (5)"));
    assertTrue(e.getMessage().contains("kernel"));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    SamplerSettings s = SamplerSettings.defaults();
    assertEquals(256, s.activeParticles());
    assertEquals(768, s.effectiveParticles());
    assertEquals(1, s.mcmcSteps());
    assertEquals(4096, s.totalSamples());
    assertEquals(Kernel.PCN, s.kernel());
    assertEquals(Resampling.SYSTEMATIC, s.resampling());
    assertTrue(s.clustering());
    assertEquals(s, s.toBuilder().build());
    assertFalse(s.toBuilder().clustering(false).build().clustering());
  }

  @Test
  void priorsValidateAndTransform() {
    assertThrows(SettingsException.class, () -> Coordinate.uniform("x", 1, 1));
    assertThrows(SettingsException.class, () -> Coordinate.logUniform("x", 0, 1));
    assertThrows(SettingsException.class, () -> Coordinate.normal("x", 0, -1));
    SettingsException dup = assertThrows(SettingsException.class,
        () -> Prior.of(Coordinate.uniform("a", 0, 1), Coordinate.uniform("a", 0, 2)));
    assertTrue(dup.getMessage().contains("'a'"));
    Prior prior = Prior.of(Coordinate.uniform("u", -2, 2), Coordinate.normal("n", 1, 2),
        Coordinate.logUniform("l", 1, 100).periodic());
    double[] theta = prior.theta(new double[] {0.25, 0.5, 0.5});
    assertEquals(-1.0, theta[0], 1e-15);
    assertEquals(1.0, theta[1], 1e-12);
    assertEquals(10.0, theta[2], 1e-12);
    assertEquals(1.0 + 2 * 0.6744897501960817, prior.theta(new double[] {0, 0.75, 0})[1], 1e-9);
    assertEquals(List.of(Boundary.NONE, Boundary.NONE, Boundary.PERIODIC), prior.boundaries());
  }

  @Test
  void modelParametersListEveryProblemAndUnknownKeys() {
    ModelParameters p = ModelParameters.of("demo", Map.of("dim", "abc", "sigma", "-1", "dimm", "3"));
    p.getInt("dim", 2);
    double sigma = p.getDouble("sigma", 1);
    p.require(sigma > 0, "sigma must be > 0, got " + sigma);
    SettingsException e = assertThrows(SettingsException.class, p::finish);
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.getMessage().contains("'dim'") && e.getMessage().contains("'abc'"));
    assertTrue(e.getMessage().contains("unknown parameter 'dimm'"));
  }

  @Test
  void builderReportsWhatIsMissing() {
    SettingsException e = assertThrows(SettingsException.class, () -> Squall.sampler().run());
    assertEquals(3, e.problems().size(), e.problems().toString());
  }
}
