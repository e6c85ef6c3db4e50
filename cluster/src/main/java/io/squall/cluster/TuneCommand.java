package io.squall.cluster;

import io.squall.sampler.Model;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code squall tune}: measures the model's cost per point and memory on this machine over
 * candidate workers per node and points per task ({@link Tuner}) and caches the best in the
 * tuning cache ({@link TuningCache}), which later runs use. A cached tuning is shown, not
 * measured again, unless {@code --retune} is given.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    versionProvider = SquallVersion.class,
    sortOptions = false,
    description = {"Measure the model on this machine and cache the best workers per node and points per task.",
        "Later runs of the same model and parameters use the cache (squall.tune.*, README 'Autotuning')."})
final class TuneCommand implements Callable<Integer>, CliErrors.Verbose {
  @Spec private CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "HOCON settings file, as for 'squall run'.")
  private Path configFile;

  @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Model to tune (squall.model.name).")
  private String model;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A model parameter, repeatable.")
  private List<String> params = new ArrayList<>();

  @Option(names = "--retune", description = "Clear this machine's cache file and measure again.")
  private boolean retune;

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error.")
  private boolean verbose;

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    RunSettings settings = SettingsLoader.load(Optional.ofNullable(configFile), new CliOverrides(
        Optional.ofNullable(model), ParamParser.parse(params), Optional.empty(), Optional.empty(),
        Execution.sequential()));
    TuneSettings tune = TuneSettings.load(Optional.ofNullable(configFile));
    TuningCache cache = new TuningCache(tune.cacheDir(), HardwareSignature.current());
    if (retune) {
      cache.clear();
      out.println("cleared " + cache.file());
    } else {
      Optional<Tuning> cached = cached(cache, settings.model(), out);
      if (cached.isPresent()) {
        out.println("cached tuning in " + cache.file() + " (use --retune to measure again):");
        print(cached.get(), out);
        return CommandLine.ExitCode.OK;
      }
    }
    Model resolved = ModelResolver.resolve(settings.model());
    int cores = Runtime.getRuntime().availableProcessors();
    out.println("tuning " + settings.model().describe() + " on " + cores + " cores (" + HardwareSignature.current().cpuModel()
        + "), max " + tune.maxMemoryPerWorker() + " bytes per worker:");
    Tuning tuning = new Tuner(resolved, tune, out)
        .tune(cores, Math.max(1, settings.sampler().activeParticles() / cores));
    cache.store(settings.model(), tuning);
    out.println("wrote " + cache.file() + ":");
    print(tuning, out);
    return CommandLine.ExitCode.OK;
  }

  /** The cached tuning of {@code model}; a damaged cache is reported and treated as empty. */
  private static Optional<Tuning> cached(TuningCache cache, ModelSpec model, PrintWriter out) {
    try {
      return cache.lookup(model);
    } catch (TuningCache.CorruptCacheException e) {
      out.println("warning: " + e.getMessage() + "; measuring again");
      return Optional.empty();
    }
  }

  private static void print(Tuning t, PrintWriter out) {
    out.printf(Locale.ROOT, "  workers per node %d, points per task %d (%.3g s per point, %d bytes per point, "
        + "%.1f points/s in all)%n", t.workers(), t.pointsPerTask(), t.secondsPerPoint(), t.bytesPerPoint(),
        t.pointsPerSecond());
    out.flush();
  }
}
