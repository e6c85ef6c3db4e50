package io.squall.process;

import io.squall.sampler.ModelParameters;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Protocol overhead of the process model: wall time per point of round trips to a child whose
 * likelihood costs nothing (bench/process_child.py, COST_MS = 0), for batches of 1, 16 and 256
 * points of dimension 16. Run by bench/process.sh; not a test (no timing assertions in CI).
 *
 * <p>Arguments: the child script, then {@code key=value} environment entries for it.
 */
public final class ProcessOverheadBench {
  private static final int DIM = 16;
  private static final int[] BATCHES = {1, 16, 256};

  private ProcessOverheadBench() {}

  public static void main(String[] args) {
    Map<String, String> params = new java.util.HashMap<>(Map.of("command", "[python3, \"" + Path.of(args[0]) + "\"]",
        "dim", Integer.toString(DIM), "prior", "uniform(-10, 10)", "environment.DIM", Integer.toString(DIM)));
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      params.put("environment." + kv[0], kv[1]);
    }
    try (ProcessModel model = ProcessModel.start(ProcessSettings.from(ModelParameters.of("process", params)))) {
      SplittableRandom random = new SplittableRandom(1);
      for (int batch : BATCHES) {
        double[][] points = new double[batch][DIM];
        for (double[] p : points) {
          for (int j = 0; j < DIM; j++) {
            p[j] = random.nextDouble();
          }
        }
        int rounds = Math.max(200, 200_000 / batch);
        for (int i = 0; i < rounds / 4; i++) {
          model.logLikelihoods(points); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          model.logLikelihoods(points);
        }
        double perPoint = (System.nanoTime() - start) / 1e3 / rounds / batch;
        System.out.printf(Locale.ROOT, "batch %4d  %8.2f µs/point  %9.1f µs/round trip  (%d round trips)%n",
            batch, perPoint, perPoint * batch, rounds);
      }
    }
  }
}
