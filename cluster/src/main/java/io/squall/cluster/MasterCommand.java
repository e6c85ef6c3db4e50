package io.squall.cluster;

import io.squall.actors.LocalOptions;
import io.squall.actors.RunResult;
import io.squall.sampler.Model;
import io.squall.sampler.SamplerCheckpoint;
import io.squall.sampler.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code squall master}: the master node of a cluster run. It joins (or forms) the cluster, waits
 * for {@code squall.cluster.min-workers} worker actors, runs the same sampler loop as local mode
 * with the workers of every worker node, writes summary.json and samples.csv (mode "cluster"),
 * tells the worker nodes that the run is over and leaves the cluster.
 */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    versionProvider = SquallVersion.class,
    sortOptions = false,
    description = {"Run the master node of a cluster: sample a model with the workers of 'squall worker' nodes.",
        "Address, port, seed nodes and workers come from squall.cluster.* (conf/squall.conf) or the environment:",
        "SQUALL_HOST, SQUALL_PORT, SQUALL_SEED_NODES, SQUALL_MIN_WORKERS, SQUALL_CLUSTER_NAME;",
        "the model from SQUALL_MODEL and SQUALL_PARAMS, the seed and folder from SQUALL_SEED and SQUALL_OUT."})
final class MasterCommand implements Callable<Integer>, CliErrors.Verbose {
  /** Time allowed for the actor system to terminate after leaving, on top of the leave timeout. */
  private static final Duration TERMINATION_MARGIN = Duration.ofSeconds(20);

  @Spec private CommandSpec spec;

  @Mixin private ModelOptions options = new ModelOptions();

  @Mixin private OutputOptions output = new OutputOptions();

  @Option(names = {"-s", "--seed"}, paramLabel = "S", converter = RunCommand.SeedConverter.class,
      defaultValue = "${env:SQUALL_SEED}",
      description = "Seed of the run (squall.sampler.seed; default: $SQUALL_SEED); the same seed gives the same "
          + "results.")
  private Long seed;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "${env:SQUALL_OUT}",
      description = "Output folder, created if missing (squall.output.dir; default: $SQUALL_OUT, else results).")
  private Path out;

  @Option(names = {"--min-workers"}, paramLabel = "N",
      description = "Start sampling once N worker actors have registered (squall.cluster.min-workers).")
  private Integer minWorkers;

  @Option(names = {"--checkpoint-every"}, paramLabel = "K",
      description = "Write a checkpoint every K iterations (squall.checkpoint.every; 0 = none) to "
          + "squall.checkpoint.file (default: DIR/checkpoint.bin).")
  private Integer checkpointEvery;

  @Option(names = {"--resume"}, paramLabel = "FILE",
      description = {"Continue the run of checkpoint FILE (after the master was lost): worker nodes rejoin, and the "
          + "result is the uninterrupted run's, bit for bit.",
          "Model and sampler settings come from FILE; a different model or sampler setting is refused."})
  private Path resume;

  @Override
  public boolean verbose() {
    return options.verbose;
  }

  @Override
  public Integer call() {
    Map<String, Object> keys = new LinkedHashMap<>();
    if (minWorkers != null) {
      keys.put(SettingKeys.CLUSTER_MIN_WORKERS, minWorkers);
    }
    if (checkpointEvery != null) {
      keys.put(SettingKeys.CHECKPOINT_EVERY, checkpointEvery);
    }
    Checkpoints.Start start = Checkpoints.start(resume, resumed -> options.load(Optional.ofNullable(seed),
        Optional.ofNullable(out), Execution.cluster(0), keys, resumed));
    RunSettings settings = start.settings();
    Model model = start.model();
    ResultsWriter.prepare(settings.outputDir());
    start.announce(resume, spec.commandLine().getOut());
    ClusterSettings cluster = settings.cluster();
    CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    RunProgress progress = output.progress(settings.sampler().totalSamples());
    ActorSystem<MasterNode.Command> system = ClusterNodes.start(MasterNode.create(setup(settings, model, outcome,
            start.resumed(), progress)),
        cluster, ClusterRole.MASTER, NodeConfig.of(cluster, ClusterRole.MASTER, 0));
    system.getWhenTerminated().whenComplete((done, error) -> outcome.completeExceptionally(
        new ClusterException("the master node left the cluster before the run ended", 1, error)));
    Duration termination = cluster.leaveTimeout().plus(TERMINATION_MARGIN);
    RunOutcome result;
    try {
      result = outcome(settings, model, ClusterNodes.await(outcome));
      progress.finished();
      progress.close();
      ResultsWriter.write(result);
      RunPlots.writeUnless(output.noPlots, result, progress);
    } catch (RuntimeException e) {
      progress.close();
      system.tell(new MasterNode.Finish(false, "the run failed on the master: " + ModelResolver.describe(e)));
      ClusterNodes.awaitTermination(system, termination);
      throw e;
    }
    RunReport.print(result, spec.commandLine().getOut());
    system.tell(new MasterNode.Finish(true, "the run finished; the master wrote its results to "
        + settings.outputDir()));
    ClusterNodes.awaitTermination(system, termination);
    return CommandLine.ExitCode.OK;
  }

  private static MasterNode.Setup setup(RunSettings settings, Model model, CompletableFuture<RunResult> outcome,
      Optional<SamplerCheckpoint> resumed, RunProgress progress) {
    if (settings.sampler().replicas() > 1) {
      throw new SettingsException(List.of("squall.sampler.replicas = " + settings.sampler().replicas()
          + " is not supported in cluster mode yet: run replicas with squall run (local or sequential mode)"));
    }
    ClusterSettings cluster = settings.cluster();
    LocalOptions options = cluster.tasks().toBuilder()
        .workers(cluster.minWorkers())
        .maxTaskBytes(NodeConfig.maxTaskBytes(cluster, cluster.tasks().maxTaskBytes()))
        .build();
    return new MasterNode.Setup(progress.source(Checkpoints.sampler(settings, model, resumed)), options,
        Fingerprint.of(settings.model(), SquallVersion.get()), cluster.minWorkers(), cluster.leaveTimeout(), outcome);
  }

  private static RunOutcome outcome(RunSettings settings, Model model, RunResult run) {
    RunSettings ran = settings.withExecution(Execution.cluster(run.stats().workerStats().size()));
    return new RunOutcome(ran, run.result(), model.knownLogEvidence(), run.stats().wallSeconds(),
        Optional.of(run.stats()));
  }
}
