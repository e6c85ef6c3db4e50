package io.squall.examples.bench;

import io.squall.examples.ExampleModels;
import io.squall.sampler.CheckpointFormat;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.SamplerCheckpoint;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SequentialDriver;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of checkpoints (a benchmark, not a test): gauss-10 with default settings and an
 * instant likelihood, run side by side without checkpoints and with one after every iteration
 * (encoded to bytes, the file system left out), alternating, after two warm-up runs of each.
 * Prints per pair the wall time of both runs and their ratio, the number of checkpoints, the size
 * of the last one, and the time to encode and decode it.
 *
 * <pre>
 * CheckpointBenchmark [--pairs P]        bench/accuracy.sh --checkpoint [--pairs P]
 * </pre>
 */
public final class CheckpointBenchmark {
  private CheckpointBenchmark() {}

  public static void main(String[] args) {
    int pairs = args.length >= 2 && args[0].equals("--pairs") ? Integer.parseInt(args[1]) : 5;
    Model model = ExampleModels.create("gaussian", Map.of("dim", "10"));
    SamplerSettings settings = SamplerSettings.defaults();
    for (int i = 0; i < 2; i++) {
      plain(model, settings);
      checkpointed(model, settings, new SamplerCheckpoint[1], new int[1]);
    }
    System.out.println("| pair | plain s | every iteration s | ratio | checkpoints | last: pool | bytes | encode ms "
        + "| decode ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int p = 1; p <= pairs; p++) {
      double plain = plain(model, settings);
      SamplerCheckpoint[] last = new SamplerCheckpoint[1];
      int[] count = new int[1];
      double every = checkpointed(model, settings, last, count);
      long t0 = System.nanoTime();
      byte[] bytes = CheckpointFormat.toBytes(last[0]);
      long t1 = System.nanoTime();
      CheckpointFormat.fromBytes(bytes);
      long t2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %d | %d | %d | %.1f | %.1f |%n", p, plain, every,
          every / plain, count[0], last[0].pool().size(), bytes.length, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
  }

  private static double plain(Model model, SamplerSettings settings) {
    long start = System.nanoTime();
    SequentialDriver.run(PersistentSampler.create(model, settings));
    return (System.nanoTime() - start) / 1e9;
  }

  private static double checkpointed(Model model, SamplerSettings settings, SamplerCheckpoint[] last, int[] count) {
    long start = System.nanoTime();
    PersistentSampler sampler = PersistentSampler.create(model, settings);
    sampler.checkpointEvery(1, checkpoint -> {
      CheckpointFormat.toBytes(checkpoint);
      last[0] = checkpoint;
      count[0]++;
    });
    SequentialDriver.run(sampler);
    return (System.nanoTime() - start) / 1e9;
  }
}
