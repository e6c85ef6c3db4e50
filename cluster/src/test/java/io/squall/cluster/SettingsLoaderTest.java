package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.sampler.Kernel;
import io.squall.sampler.Resampling;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SettingsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  @TempDir Path dir;

  private static RunSettings load(Path file) {
    return SettingsLoader.load(Optional.ofNullable(file), CliOverrides.none());
  }

  private static List<String> problems(Path file, CliOverrides overrides) {
    return assertThrows(SettingsException.class,
        () -> SettingsLoader.load(Optional.of(file), overrides)).problems();
  }

  private static List<String> problems(Path file) {
    return problems(file, CliOverrides.none());
  }

  private static CliOverrides overrides(String model, Map<String, String> params, Long seed) {
    return new CliOverrides(Optional.ofNullable(model), params, Optional.ofNullable(seed),
        Optional.empty(), Execution.sequential());
  }

  @Test
  void defaultsOfSquallConfEqualTheSamplerDefaults() {
    RunSettings settings = load(null);
    assertEquals(SamplerSettings.defaults(), settings.sampler());
    assertEquals(new ModelSpec("gaussian", Map.of("dim", "10")), settings.model());
    assertEquals(Path.of("results"), settings.outputDir());
    assertEquals(Execution.sequential(), settings.execution());
  }

  @Test
  void everyDefaultKeyIsOneTheReaderReads() {
    Set<String> expected = new TreeSet<>(SettingKeys.SAMPLER_FIELDS.values());
    expected.add(SettingKeys.MODEL_NAME);
    expected.add(SettingKeys.OUTPUT_DIR);
    expected.add(SettingKeys.CHECKPOINT_EVERY);
    expected.add(SettingKeys.CHECKPOINT_FILE);
    expected.addAll(SettingKeys.CLUSTER_KEYS);
    expected.addAll(TuneSettings.KEYS);
    Set<String> ownKeys = new TreeSet<>(UnknownKeys.leafKeys(SettingsLoader.defaults()));
    ownKeys.removeIf(k -> k.startsWith("squall.tasks.") || k.startsWith("squall.local.")
        || k.matches("squall\\.[a-z-]+-dispatcher\\..*"));
    assertEquals(expected, ownKeys);
  }

  /** Local mode's task keys come from the actors module's reference.conf and are known keys. */
  @Test
  void localModeTaskKeysAreReadAndCheckedToo() {
    Path good = TestFiles.write(dir, "tasks.conf", "squall.tasks { points-per-task = 8, max-tasks-per-worker = 3 }");
    RunSettings settings = load(good);
    assertEquals(8, settings.local().pointsPerTask());
    assertEquals(3, settings.local().maxTasksPerWorker());
    Path typo = TestFiles.write(dir, "typo.conf", "squall.tasks.points-per-tsk = 8");
    List<String> problems = problems(typo);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("squall.tasks.points-per-task"), problems.get(0));
  }

  @Test
  void fileLayersOverDefaultsAndKeepsTheRest() {
    Path file = TestFiles.write(dir, "a.conf", String.join("\n",
        "squall.sampler { active-particles = 100, kernel = random-walk, resampling = \"multinomial\" }",
        "squall.sampler.nan-as-minus-infinity = yes",
        "squall.sampler.clustering = false",
        "squall.model.params { sigma = 0.5, prior { width = 3 } }",
        "squall.output.dir = out/x",
        "pekko.loglevel = DEBUG"));
    RunSettings settings = load(file);
    assertEquals(100, settings.sampler().activeParticles());
    assertEquals(SamplerSettings.DEFAULT_EFFECTIVE_PARTICLES, settings.sampler().effectiveParticles());
    assertEquals(Kernel.RANDOM_WALK, settings.sampler().kernel());
    assertEquals(Resampling.MULTINOMIAL, settings.sampler().resampling());
    assertTrue(settings.sampler().nanAsMinusInfinity());
    assertFalse(settings.sampler().clustering());
    assertEquals(Map.of("dim", "10", "sigma", "0.5", "prior.width", "3"), settings.model().params());
    assertEquals(Path.of("out/x"), settings.outputDir());
  }

  @Test
  void unknownKeyIsReportedWithTheNearestKnownKey() {
    Path file = TestFiles.write(dir, "typo.conf", "squall.sampler.activ-particles = 128\n");
    assertEquals(List.of("unknown setting 'squall.sampler.activ-particles' in " + file
        + "; did you mean 'squall.sampler.active-particles'?"), problems(file));
  }

  @Test
  void misplacedKeyIsSuggestedByItsLastSegment() {
    Path file = TestFiles.write(dir, "misplaced.conf", "squall.seed = 3\n");
    assertEquals(List.of("unknown setting 'squall.seed' in " + file
        + "; did you mean 'squall.sampler.seed'?"), problems(file));
  }

  @Test
  void farFetchedKeyGetsNoSuggestion() {
    Path file = TestFiles.write(dir, "far.conf", "squall.telemetry.endpoint = x\n");
    assertEquals(List.of("unknown setting 'squall.telemetry.endpoint' in " + file), problems(file));
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Path file = TestFiles.write(dir, "bad.conf", String.join("\n",
        "squall.sampler.activ-particles = 5",
        "squall.sampler.seed = abc",
        "squall.sampler.total-samples = -3",
        "squall.sampler.kernel = foo",
        "squall.sampler.resampling = stratified",
        "squall.sampler.mcmc-steps = 30",
        "squall.sampler.nan-as-minus-infinity = maybe"));
    assertEquals(List.of(
        "unknown setting 'squall.sampler.activ-particles' in " + file
            + "; did you mean 'squall.sampler.active-particles'?",
        "squall.sampler.kernel must be one of pcn, random-walk, got 'foo'",
        "squall.sampler.resampling must be one of systematic, multinomial, got 'stratified'",
        "squall.sampler.seed must be an integer, got 'abc'",
        "squall.sampler.nan-as-minus-infinity must be true or false, got 'maybe'",
        "squall.sampler.total-samples must be a positive integer, got -3",
        "squall.sampler.max-mcmc-steps (20) must be >= squall.sampler.mcmc-steps (30)"),
        problems(file));
  }

  @Test
  void wrongTypesNameTheKey() {
    Path file = TestFiles.write(dir, "types.conf", String.join("\n",
        "squall.sampler.seed = abc",
        "squall.sampler.active-particles = 2.5",
        "squall.sampler.total-samples = [1, 2]",
        "squall.sampler.effective-particles = 99999999999"));
    assertEquals(List.of(
        "squall.sampler.active-particles must be an integer, got '2.5'",
        "squall.sampler.effective-particles must be an integer of at most 2147483647, got 99999999999",
        "squall.sampler.total-samples must be an integer, got '[1,2]'",
        "squall.sampler.seed must be an integer, got 'abc'"),
        problems(file));
  }

  @Test
  void negativeParticleCountUsesTheHoconKey() {
    Path file = TestFiles.write(dir, "neg.conf", "squall.sampler.active-particles = -4\n");
    assertEquals(List.of("squall.sampler.active-particles must be a positive integer, got -4"),
        problems(file));
  }

  @Test
  void blockSetToAValueIsOneProblem() {
    Path file = TestFiles.write(dir, "block.conf", "squall.sampler = 5\nsquall.model.params = 3\n");
    assertEquals(List.of("squall.model.params must be a block of key = value settings, got '3'",
        "squall.sampler must be a block of settings, got '5'"), problems(file));
  }

  @Test
  void substitutionsAndEnvironmentFallbacksResolve() {
    Path file = TestFiles.write(dir, "subst.conf", String.join("\n",
        "squall.sampler.effective-particles = ${squall.sampler.active-particles}",
        "squall.sampler.seed = ${?SQUALL_TEST_VARIABLE_THAT_IS_NOT_SET}"));
    RunSettings settings = load(file);
    assertEquals(256, settings.sampler().effectiveParticles());
    assertEquals(42L, settings.sampler().seed());
  }

  @Test
  void modelOptionReplacesNameAndParamsAndParamsAddToIt() {
    Path file = TestFiles.write(dir, "m.conf", "squall.model { name = shells, params { radius = 2 } }\n");
    RunSettings replaced = SettingsLoader.load(Optional.of(file),
        overrides("eggbox", Map.of("tiles", "5"), null));
    assertEquals(new ModelSpec("eggbox", Map.of("tiles", "5")), replaced.model());
    RunSettings added = SettingsLoader.load(Optional.of(file),
        overrides(null, Map.of("radius", "3", "width", "0.1"), null));
    assertEquals(new ModelSpec("shells", Map.of("radius", "3", "width", "0.1")), added.model());
  }

  @Test
  void fileNamingAModelDoesNotInheritTheDefaultModelsParams() {
    Path named = TestFiles.write(dir, "named.conf", "squall.model.name = shells\n");
    assertEquals(new ModelSpec("shells", Map.of()), load(named).model());
    Path paramsOnly = TestFiles.write(dir, "params.conf", "squall.model.params.delay-ms = 1\n");
    assertEquals(new ModelSpec("gaussian", Map.of("dim", "10", "delay-ms", "1")), load(paramsOnly).model());
  }

  @Test
  void commandLineSeedOverridesAFileValueEvenABadOne() {
    Path file = TestFiles.write(dir, "seed.conf", "squall.sampler.seed = abc\n");
    assertEquals(7L, SettingsLoader.load(Optional.of(file), overrides(null, Map.of(), 7L)).sampler().seed());
  }

  @Test
  void missingOrBrokenFileIsOneProblem() {
    Path missing = dir.resolve("nope.conf");
    assertEquals(List.of("cannot read config file '" + missing + "': no such file"), problems(missing));
    Path broken = TestFiles.write(dir, "broken.conf", "squall.sampler { seed = \n");
    String problem = problems(broken).get(0);
    assertTrue(problem.startsWith("cannot read config file '" + broken + "': "), problem);
  }
}
