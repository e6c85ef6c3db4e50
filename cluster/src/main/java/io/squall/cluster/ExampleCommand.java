package io.squall.cluster;

import io.squall.actors.DistributedMap;
import io.squall.examples.ArrayAdditionTask;
import io.squall.examples.ExampleTasks;
import io.squall.examples.PiTask;
import io.squall.sampler.MapTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code squall example pi|add}: the master-worker, scatter/gather and reduce patterns of the MPI
 * guides on Squall's runtime, through the generic {@link DistributedMap} — in this JVM
 * ({@code --workers N}, 0 = sequential) or as the master of a cluster ({@code --cluster}, worker nodes
 * started with {@code squall worker --model task:pi} or {@code task:add}).
 */
@Command(name = "example", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a parallel-pattern example on the distributed map: pi (Monte Carlo reduce) or add "
        + "(scatter / compute / gather).",
    subcommands = {ExampleCommand.Pi.class, ExampleCommand.Add.class})
final class ExampleCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name an example: pi or add");
  }

  /** Options every example takes: where the map runs. */
  static final class Where {
    @Option(names = {"-w", "--workers"}, paramLabel = "N",
        description = "Worker actors in this JVM (default: one per core; 0 = sequential, in the calling thread).")
    Integer workers;

    @Option(names = "--cluster", description = "Be the master of a cluster: worker nodes (squall worker --model "
        + "task:NAME, same parameters) evaluate the chunks; settings and SQUALL_* variables as for squall master.")
    boolean cluster;

    @Option(names = "--min-workers", paramLabel = "N", description = "With --cluster: start once N worker actors "
        + "have joined (default 1).")
    Integer minWorkers;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "With --cluster: a settings file.")
    Path configFile;

    String describe() {
      return cluster ? "cluster" : workers() == 0 ? "sequential" : workers() + (workers() == 1 ? " worker" : " workers");
    }

    int workers() {
      return workers != null ? workers : Runtime.getRuntime().availableProcessors();
    }

    double[][] map(MapTask task, String name, Map<String, String> params, double[][] inputs) {
      if (cluster) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(SettingKeys.CLUSTER_MIN_WORKERS, minWorkers == null ? 1 : minWorkers);
        RunSettings settings = SettingsLoader.load(Optional.ofNullable(configFile), new CliOverrides(
            Optional.of(ExampleTasks.PREFIX + name), params, Optional.empty(), Optional.empty(),
            Execution.cluster(0), keys));
        return ClusterMap.run(task, inputs, settings);
      }
      if (workers() < 0) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--workers must be 0 or more, got "
            + workers());
      }
      return workers() == 0 ? DistributedMap.sequential(task, inputs) : DistributedMap.local(task, inputs, workers());
    }
  }

  /** π by Monte Carlo: chunks of points mapped to hit counts, reduced by a sum. */
  @Command(name = "pi", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Estimate π from N uniform points in the unit square, in chunks spread over the workers.")
  static final class Pi implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Where where = new Where();

    @Option(names = {"-n", "--samples"}, paramLabel = "N", description = "Points in all (default 100000000).")
    long samples = 100_000_000L;

    @Option(names = "--chunks", paramLabel = "K", description = "Chunks, each with its own seed (default 1000).")
    int chunks = 1000;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", description = "Root seed of the chunk seeds (default 42).")
    long seed = 42;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      long start = System.nanoTime();
      double[][] outputs = where.map(new PiTask(), "pi", Map.of(), PiTask.inputs(seed, samples, chunks));
      double seconds = (System.nanoTime() - start) / 1e9;
      double pi = PiTask.estimate(outputs, samples);
      double p = Math.PI / 4;
      double standardError = 4 * Math.sqrt(p * (1 - p) / samples);
      out.printf(java.util.Locale.ROOT, "pi ≈ %.8f (error %+.2e, standard error %.1e) from %d points in %d chunks, "
          + "%s, %.2f s%n", pi, pi - Math.PI, standardError, samples, chunks, where.describe(), seconds);
      // Six standard errors: a correct run fails this check with probability 2e-9.
      if (Math.abs(pi - Math.PI) > 6 * standardError) {
        spec.commandLine().getErr().println("squall: error: the estimate is more than 6 standard errors from π");
        return 1;
      }
      return 0;
    }
  }

  /** c = a + b: scatter chunks of two arrays, add them on the workers, gather and check. */
  @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Add two arrays chunk by chunk on the workers (scatter / compute / gather) and check the sum.")
  static final class Add implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Where where = new Where();

    @Option(names = {"-n", "--size"}, paramLabel = "N", description = "Elements per array (default 1000000).")
    int size = 1_000_000;

    @Option(names = "--chunk", paramLabel = "M", description = "Elements per chunk (default 1000).")
    int chunk = 1000;

    @Override
    public Integer call() {
      if (size < 1 || chunk < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--size and --chunk must be at least 1, got "
            + size + " and " + chunk);
      }
      PrintWriter out = spec.commandLine().getOut();
      double[] a = new double[size];
      double[] b = new double[size];
      for (int i = 0; i < size; i++) {
        a[i] = Math.sin(i);
        b[i] = 0.5 * i;
      }
      ArrayAdditionTask task = new ArrayAdditionTask(chunk);
      long start = System.nanoTime();
      double[][] outputs = where.map(task, "add", Map.of("chunk", Integer.toString(chunk)), task.scatter(a, b));
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] c = task.gather(outputs, size);
      int wrong = 0;
      for (int i = 0; i < size; i++) {
        wrong += c[i] == a[i] + b[i] ? 0 : 1;
      }
      if (wrong > 0) {
        spec.commandLine().getErr().printf("squall: error: %d of %d elements of c differ from a + b%n", wrong, size);
        return 1;
      }
      out.printf(java.util.Locale.ROOT, "add: c = a + b checked, all %d elements equal the sequential sum "
          + "(%d chunks of %d, %s, %.2f s)%n", size, outputs.length, chunk, where.describe(), seconds);
      return 0;
    }
  }
}
