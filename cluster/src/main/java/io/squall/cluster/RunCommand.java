package io.squall.cluster;

import io.squall.examples.ExampleModels;
import io.squall.sampler.Model;
import io.squall.sampler.SamplerCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code squall run}: loads the settings, resolves the model, samples it, writes summary.json and
 * samples.csv and prints a short report. {@code --workers N} chooses local mode with N worker
 * actors (the default: one per core) or, with 0, the sequential driver.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = SquallVersion.class,
    sortOptions = false,
    description = {"Sample a model: print log Z and write summary.json and samples.csv.",
        "Settings: built-in defaults (conf/squall.conf), then --config FILE, then the options below."})
final class RunCommand implements Callable<Integer>, CliErrors.Verbose {
  @Spec private CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "HOCON settings file layered over the defaults; unknown keys under 'squall' are errors.")
  private Path configFile;

  @Option(names = {"-m", "--model"}, paramLabel = "NAME",
      description = {"Model to sample: a built-in name or the class name of an io.squall.sampler.ModelFactory "
          + "on the classpath (squall.model.name).",
          "Replaces the model AND its params block from the settings: params then come from --param only."})
  private String model;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "A model parameter, repeatable; overrides or adds to squall.model.params.")
  private List<String> params = new ArrayList<>();

  @Option(names = {"-s", "--seed"}, paramLabel = "S", converter = SeedConverter.class,
      description = "Seed of the run (squall.sampler.seed); the same seed gives the same results.")
  private Long seed;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder, created if missing (squall.output.dir; default: results).")
  private Path out;

  @Option(names = {"-w", "--workers"}, paramLabel = "N",
      description = {"Worker actors evaluating likelihoods in this JVM (default: one per available core).",
          "0 = sequential in the calling thread. Every N gives the same results."})
  private Integer workers;

  @Option(names = {"--checkpoint-every"}, paramLabel = "K",
      description = {"Write a checkpoint every K iterations (squall.checkpoint.every; 0 = none), atomically, to "
          + "squall.checkpoint.file (default: DIR/checkpoint.bin)."})
  private Integer checkpointEvery;

  @Option(names = {"--resume"}, paramLabel = "FILE",
      description = {"Continue the run of checkpoint FILE: the result is the uninterrupted run's, bit for bit.",
          "Model, sampler settings, output folder and checkpoint settings come from FILE unless given again;",
          "a different model or sampler setting is refused. Workers may change."})
  private Path resume;

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
  private boolean verbose;

  @Mixin private OutputOptions output = new OutputOptions();

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    Checkpoints.Start start = Checkpoints.start(resume,
        resumed -> SettingsLoader.load(Optional.ofNullable(configFile), overrides(), resumed));
    Optional<AppliedTuning> tuning = AppliedTuning.lookup(start.settings(),
        TuneSettings.load(Optional.ofNullable(configFile)), spec.commandLine().getOut());
    RunSettings settings = tuning.map(t -> t.apply(start.settings(), workers != null, spec.commandLine().getOut()))
        .orElse(start.settings());
    ResultsWriter.prepare(settings.outputDir());
    start.announce(resume, spec.commandLine().getOut());
    RunProgress progress = output.progress(settings.sampler().totalSamples());
    RunOutcome outcome;
    try {
      outcome = sample(settings, start.model(), start.resumed(), progress).withTuning(tuning);
      progress.finished();
    } finally {
      progress.close();
    }
    ResultsWriter.write(outcome);
    RunPlots.writeUnless(output.noPlots, outcome, progress);
    RunReport.print(outcome, spec.commandLine().getOut());
    return CommandLine.ExitCode.OK;
  }

  private CliOverrides overrides() {
    return new CliOverrides(Optional.ofNullable(model), ParamParser.parse(params),
        Optional.ofNullable(seed), Optional.ofNullable(out), execution(),
        checkpointEvery == null ? Map.of() : Map.of(SettingKeys.CHECKPOINT_EVERY, checkpointEvery));
  }

  /** Local mode with --workers N (default: available processors); 0 is sequential. */
  private Execution execution() {
    int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
    if (n < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be >= 0, got " + n);
    }
    return n == 0 ? Execution.sequential() : Execution.local(n);
  }

  private static RunOutcome sample(RunSettings settings, Model model, Optional<SamplerCheckpoint> resumed,
      RunProgress progress) {
    long start = System.nanoTime();
    SamplerRunner runner = SamplerRunner.of(settings.execution(), settings.local(), progress);
    SamplerRunner.Sampled sampled = settings.sampler().replicas() > 1 ? runner.run(model, settings.sampler())
        : runner.run(Checkpoints.sampler(settings, model, resumed));
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    return new RunOutcome(settings, sampled.result(), model.knownLogEvidence(), wallSeconds, sampled.stats());
  }

  /** Parses a seed, with a message free of Java type names. */
  static final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a 64-bit integer");
      }
    }
  }

  /** Adds the list of built-in models and the files written to the help of {@code run}. */
  static void addModelHelp(CommandLine run) {
    run.getCommandSpec().usageMessage().footer(
        "",
        "Built-in models: " + String.join(", ", ExampleModels.names()) + ".",
        "Every model accepts --param delay-ms=N (an artificial cost per likelihood call).",
        "",
        "Writes DIR/summary.json (log Z, posterior mean and std, settings, diagnostics)",
        "and DIR/samples.csv (one row per particle: parameters, weight, logLikelihood),",
        "the same as NumPy arrays (samples.npy, weights.npy, logl.npy) and, unless --no-plots,",
        "corner.png, diagnostics.png and utilisation.png; all described in docs/outputs.md.",
        "With --checkpoint-every K also DIR/checkpoint.bin, replaced every K iterations (resume with --resume).",
        "Exit codes: 0 success, 1 failure during the run, 2 bad usage, settings, model or checkpoint file.",
        "",
        "Example: squall run --model gaussian --param dim=4 --seed 7 --out results/g4");
  }
}
