package io.squall.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Children that crash, hang, speak another protocol version, write garbage to stdout or raise:
 * the run either gives the undisturbed result or stops with a clear error, never hangs
 * (process/src/test/python/faulty.py does the misbehaving).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChildFailureTest {
  private static final SamplerSettings SETTINGS = SamplerSettings.builder()
      .activeParticles(64).effectiveParticles(128).totalSamples(1024).mcmcSteps(2).build();
  private static SamplerResult undisturbed;

  @TempDir Path dir;

  private static Map<String, String> faulty(String fault, Map<String, String> more) {
    Map<String, String> params = new HashMap<>(Map.of("dim", "2", "prior", "uniform(-10, 10)",
        "environment.FAULT", fault));
    params.putAll(more);
    return params;
  }

  private static SamplerResult run(Map<String, String> params) {
    try (ProcessModel model = PythonChildren.model(PythonChildren.FAULTY, params)) {
      return LocalMode.run(model, SETTINGS, LocalOptions.withWorkers(2)).result();
    }
  }

  @BeforeAll
  static void undisturbedRun() {
    undisturbed = run(faulty("none", Map.of()));
    // The crash and hang tests fault a child after 1000 and 800 of its points; with two children
    // sharing the calls, each must see more than that whatever the scheduling.
    assertTrue(undisturbed.likelihoodCalls() > 2 * 1000 + 2000, "calls " + undisturbed.likelihoodCalls());
  }

  private static void assertUndisturbed(SamplerResult result) {
    assertEquals(undisturbed.logEvidence(), result.logEvidence(), 0.0);
    assertEquals(undisturbed.likelihoodCalls(), result.likelihoodCalls());
    assertArrayEquals(undisturbed.posterior().thetas(), result.posterior().thetas());
  }

  @Test
  void aChildThatCrashesMidRunIsRestartedAndTheResultIsUnchanged() {
    assertUndisturbed(run(faulty("crash-once", Map.of("environment.AFTER", "1000",
        "environment.MARKER", dir.resolve("crashed").toString()))));
    assertTrue(dir.resolve("crashed").toFile().exists(), "the child did crash");
  }

  @Test
  void aChildKilledFromOutsideMidRunDoesNotChangeTheResult() throws Exception {
    try (ProcessModel model = PythonChildren.model(PythonChildren.FAULTY, faulty("none", Map.of()))) {
      CompletableFuture<SamplerResult> run = CompletableFuture.supplyAsync(
          () -> LocalMode.run(model, SETTINGS, LocalOptions.withWorkers(2)).result());
      Thread.sleep(300);
      List<ProcessHandle> children = ProcessHandle.current().children()
          .filter(p -> p.info().commandLine().orElse("").contains("faulty.py")).toList();
      assertTrue(!children.isEmpty(), "a child is running");
      children.get(0).destroyForcibly();
      assertUndisturbed(run.get(100, TimeUnit.SECONDS));
    }
  }

  @Test
  void aChildThatHangsIsKilledAfterTheTaskTimeoutAndRestarted() {
    assertUndisturbed(run(faulty("hang-once", Map.of("environment.AFTER", "800",
        "environment.MARKER", dir.resolve("hung").toString(), "task-timeout-s", "2"))));
    assertTrue(dir.resolve("hung").toFile().exists(), "the child did hang");
  }

  @Test
  void aChildThatAlwaysHangsFailsTheTaskAfterItsRestarts() {
    ProcessModel model = PythonChildren.model(PythonChildren.FAULTY,
        faulty("hang", Map.of("task-timeout-s", "0.5", "max-restarts", "1")));
    try (model) {
      ProcessModelException e = assertThrows(ProcessModelException.class,
          () -> model.logLikelihoods(new double[][] {{1, 2}}));
      assertTrue(e.getMessage().contains("did not answer within 0.5 s"), e.getMessage());
      assertTrue(e.getMessage().contains("failed 2 times on one task"), e.getMessage());
    }
  }

  @Test
  void aChildSpeakingAnotherProtocolVersionGetsAClearError() {
    ProcessModelException e = assertThrows(ProcessModelException.class,
        () -> PythonChildren.model(PythonChildren.FAULTY, faulty("version", Map.of())));
    assertTrue(e.getMessage().contains("faulty.py"), e.getMessage());
    assertTrue(e.getMessage().contains("it speaks protocol version 2 but this Squall speaks version 1"),
        e.getMessage());
  }

  @Test
  void aChildPrintingToStdoutBeforeTheHandshakeGetsAClearError() {
    ProcessModelException e = assertThrows(ProcessModelException.class,
        () -> PythonChildren.model(PythonChildren.FAULTY, faulty("print", Map.of())));
    assertTrue(e.getMessage().contains("faulty.py"), e.getMessage());
    assertTrue(e.getMessage().contains("68 65 6c 6c"), "the bytes in hex: " + e.getMessage());
    assertTrue(e.getMessage().contains("\"hello from faulty.py.SQPR"), "the bytes as text: " + e.getMessage());
    assertTrue(e.getMessage().contains("did it print to stdout"), e.getMessage());
  }

  @Test
  void garbageInTheMiddleOfARunIsAProtocolErrorNamingTheBytes() {
    ProcessModel model = PythonChildren.model(PythonChildren.FAULTY, faulty("garbage", Map.of("environment.AFTER", "1")));
    try (model) {
      double[][] two = {{1, 2}, {3, 4}};
      ProcessModelException e = assertThrows(ProcessModelException.class, () -> model.logLikelihoods(two));
      assertTrue(e.getMessage().contains("wrote bytes 64 65 62 75 67"), e.getMessage());
      assertTrue(e.getMessage().contains("\"debug: theta"), e.getMessage());
      assertTrue(e.getMessage().contains("instead of a reply"), e.getMessage());
      ProcessModelException again = assertThrows(ProcessModelException.class,
          () -> model.logLikelihoods(new double[][] {{0, 0}}));
      assertEquals(e.getMessage(), again.getMessage(), "the model stays failed");
    }
  }

  @Test
  void anErrorRaisedByTheCallbackIsALikelihoodErrorWithItsMessage() {
    try (ProcessModel model = PythonChildren.model(PythonChildren.FAULTY, faulty("raise", Map.of()))) {
      LikelihoodException e = assertThrows(LikelihoodException.class,
          () -> model.logLikelihoods(new double[][] {{1, 2}, {6, 0}}));
      assertTrue(e.getMessage().contains("ValueError: theta[0] = 6 is too large"), e.getMessage());
      assertEquals(1, model.logLikelihoods(new double[][] {{1, 2}}).length, "the child serves on");
    }
  }

  @Test
  void aChildThatExitsAtStartIsReportedWithItsExitCodeAndStderr() {
    ProcessModelException e = assertThrows(ProcessModelException.class,
        () -> PythonChildren.model(PythonChildren.FAULTY, faulty("exit", Map.of())));
    assertTrue(e.getMessage().contains("it exited with code 3; its stderr ended with: faulty.py: cannot read the "
        + "data file"), e.getMessage());
  }

  @Test
  void aCommandThatCannotStartIsNamed() {
    Map<String, String> params = new HashMap<>(PythonChildren.params(PythonChildren.FAULTY, faulty("none", Map.of())));
    params.put("command", "[\"no-such-python-xyz\", \"faulty.py\"]");
    ProcessModelException e = assertThrows(ProcessModelException.class, () -> ProcessModel.start(
        ProcessSettings.from(io.squall.sampler.ModelParameters.of("process", params))));
    assertTrue(e.getMessage().contains("'no-such-python-xyz faulty.py': cannot start it"), e.getMessage());
  }
}
