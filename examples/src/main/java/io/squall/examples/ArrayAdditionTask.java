package io.squall.examples;

import io.squall.sampler.MapTask;

/**
 * Scatter / compute / gather of the MPI guides: c = a + b for two arrays, cut into chunks of
 * {@code chunk} elements. An input row is a chunk of a followed by the same chunk of b (the scatter
 * sends the data with the task), its output the chunk of c; the gather puts the chunks back in order.
 * A last, shorter chunk is padded with zeros and trimmed on the way back.
 */
public final class ArrayAdditionTask implements MapTask {
  private final int chunk;

  /** Chunks of {@code chunk} ≥ 1 elements. */
  public ArrayAdditionTask(int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
    }
    this.chunk = chunk;
  }

  @Override
  public int inputWidth() {
    return 2 * chunk;
  }

  @Override
  public int outputWidth() {
    return chunk;
  }

  @Override
  public double[] apply(double[] input) {
    double[] c = new double[chunk];
    for (int i = 0; i < chunk; i++) {
      c[i] = input[i] + input[chunk + i];
    }
    return c;
  }

  /** The scatter: input rows of {@code a} and {@code b} (equal lengths). */
  public double[][] scatter(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("arrays of different lengths: " + a.length + " and " + b.length);
    }
    int rows = (a.length + chunk - 1) / chunk;
    double[][] out = new double[rows][2 * chunk];
    for (int r = 0; r < rows; r++) {
      int n = Math.min(chunk, a.length - r * chunk);
      System.arraycopy(a, r * chunk, out[r], 0, n);
      System.arraycopy(b, r * chunk, out[r], chunk, n);
    }
    return out;
  }

  /** The gather: the first {@code length} elements of the output rows, in order. */
  public double[] gather(double[][] outputs, int length) {
    double[] c = new double[length];
    for (int r = 0; r < outputs.length; r++) {
      int n = Math.min(chunk, length - r * chunk);
      System.arraycopy(outputs[r], 0, c, r * chunk, n);
    }
    return c;
  }
}
