package io.squall.examples;

import io.squall.sampler.MapTask;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Monte Carlo estimate of π, the "hello world" of the MPI guides, as a {@link MapTask}: each input
 * row is a chunk — its own seed and a number of points — and its output the number of uniform points
 * of the unit square that fall inside the quarter circle. π ≈ 4 · Σ hits / Σ points, with standard
 * error 4·√(p(1−p)/n), p = π/4 (about 1.6·10⁻⁴ for n = 10⁸).
 *
 * <p>The chunk seeds are drawn up front from the root seed ({@link #inputs}), so the estimate is
 * the same for any number of workers. Input row: seed high 32 bits, seed low 32 bits, points.
 */
public final class PiTask implements MapTask {
  @Override
  public int inputWidth() {
    return 3;
  }

  @Override
  public int outputWidth() {
    return 1;
  }

  @Override
  public double[] apply(double[] input) {
    long seed = ((long) input[0] << 32) | (long) input[1];
    long points = (long) input[2];
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    long hits = 0;
    for (long i = 0; i < points; i++) {
      double x = rng.nextDouble();
      double y = rng.nextDouble();
      if (x * x + y * y <= 1.0) {
        hits++;
      }
    }
    return new double[] {hits};
  }

  /**
   * The input rows for {@code samples} points in {@code chunks} chunks (the first
   * {@code samples % chunks} chunks one point larger), with chunk seeds from {@code seed}.
   */
  public static double[][] inputs(long seed, long samples, int chunks) {
    if (samples < 1 || chunks < 1 || chunks > samples) {
      throw new IllegalArgumentException("π needs samples ≥ chunks ≥ 1, got samples = " + samples
          + ", chunks = " + chunks);
    }
    UniformRandomProvider seeds = RandomSource.SPLIT_MIX_64.create(seed);
    double[][] rows = new double[chunks][];
    for (int c = 0; c < chunks; c++) {
      long s = seeds.nextLong();
      long points = samples / chunks + (c < samples % chunks ? 1 : 0);
      rows[c] = new double[] {s >>> 32, s & 0xffffffffL, points};
    }
    return rows;
  }

  /** π ≈ 4 · hits / samples from the output rows (summed in input order). */
  public static double estimate(double[][] outputs, long samples) {
    long hits = 0;
    for (double[] row : outputs) {
      hits += (long) row[0];
    }
    return 4.0 * hits / samples;
  }
}
