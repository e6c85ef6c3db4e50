package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.squall.actors.LocalMode;
import io.squall.actors.LocalOptions;
import io.squall.sampler.IterationDiagnostics;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.Prior;
import io.squall.sampler.SamplerResult;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import io.squall.sampler.Squall;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress display: off a terminal one plain line per iteration, nothing with --quiet, the
 * bar's fraction; following a run changes nothing in it and sees every iteration, with the busy
 * workers of local mode.
 */
class ProgressDisplayTest {
  private static final Squall.Builder BUILDER = Squall.sampler().prior(Prior.uniformBox(2, -5, 5))
      .logLikelihood(t -> -0.5 * (t[0] * t[0] + t[1] * t[1])).activeParticles(64).effectiveParticles(128)
      .totalSamples(256).seed(3);

  @Test
  void offATerminalEachIterationIsOnePlainLine() {
    List<String> lines = new ArrayList<>();
    RunProgress progress = new RunProgress(new ProgressDisplay.Lines(lines::add));
    SamplerResult result = SequentialDriver.run(progress.attach(PersistentSampler.create(BUILDER.model(),
        BUILDER.settings())));
    assertEquals(result.diagnostics().size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      assertTrue(line.matches("iteration " + i + ": beta=\\S+ ESS=\\d+ logZ=\\S+ calls=\\S+ acc=\\S+ busy=1\\.0/1, "
          + "\\d+\\.\\d s"), line);
      assertTrue(line.chars().allMatch(c -> c < 128), "plain ASCII for logs: " + line);
    }
    IterationDiagnostics last = result.diagnostics().get(result.diagnostics().size() - 1);
    assertTrue(lines.get(lines.size() - 1).contains("calls=" + last.likelihoodCalls()), lines.get(lines.size() - 1));
  }

  @Test
  void quietShowsNothingAndTestsRunOffATerminal() {
    assertInstanceOf(ProgressDisplay.Lines.class, ProgressDisplay.choose(false, 100)); // surefire has no console
    ProgressDisplay quiet = ProgressDisplay.choose(true, 100);
    assertTrue(!(quiet instanceof ProgressDisplay.Lines) && !(quiet instanceof ProgressDisplay.Bar));
    RunProgress progress = new RunProgress(quiet);
    SequentialDriver.run(progress.attach(PersistentSampler.create(BUILDER.model(), BUILDER.settings())));
    assertTrue(progress.iterations().size() > 3, "still recorded for the plots");
  }

  @Test
  void followingARunChangesNothingAndLocalModeReportsBusyWorkers() {
    Model model = BUILDER.model();
    SamplerSettings settings = BUILDER.settings();
    SamplerResult plain = SequentialDriver.run(model, settings);
    RunProgress progress = RunProgress.silent();
    SamplerResult followed = LocalMode.run(progress.source(PersistentSampler.create(model, settings)), model,
        LocalOptions.withWorkers(2), ConfigFactory.load()).result();
    assertEquals(plain.logEvidence(), followed.logEvidence());
    assertEquals(plain.posterior().weights().length, followed.posterior().weights().length);
    assertEquals(java.util.Arrays.deepToString(plain.posterior().thetas()),
        java.util.Arrays.deepToString(followed.posterior().thetas()));
    assertEquals(plain.diagnostics().size(), progress.iterations().size());
    assertTrue(progress.activity().size() >= progress.iterations().size(), "one activity record per batch");
    for (IterationProgress p : progress.iterations()) {
      assertEquals(2, p.workers());
      assertTrue(p.busyWorkers() >= 0 && p.busyWorkers() <= 2 + 1e-9, "busy workers " + p.busyWorkers());
    }
  }

  @Test
  void theBarFillsHalfWithBetaAndHalfWithTheFinalEss() {
    assertEquals(0.25, progress(0.5, 100).fraction(1000), 1e-15);
    assertEquals(0.5, progress(1.0, 0).fraction(1000), 1e-15);
    assertEquals(0.75, progress(1.0, 500).fraction(1000), 1e-15);
    assertEquals(1.0, progress(1.0, 5000).fraction(1000), 1e-15);
    assertEquals("950", ProgressDisplay.count(950));
    assertEquals("148.2k", ProgressDisplay.count(148_187));
    assertEquals("12.35M", ProgressDisplay.count(12_345_678));
  }

  private static IterationProgress progress(double beta, double ess) {
    return new IterationProgress(1, beta, ess, -1, 10, 0.5, 1, 1, 1);
  }
}
