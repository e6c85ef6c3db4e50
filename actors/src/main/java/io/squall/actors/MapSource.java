package io.squall.actors;

import io.squall.sampler.Batch;
import io.squall.sampler.Evaluation;
import io.squall.sampler.Finished;
import io.squall.sampler.MapTask;
import io.squall.sampler.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The input rows of a {@link MapTask} as a {@link BatchSource}: one batch holding every row, which
 * the master cuts into tasks for the pulling workers exactly as it cuts a sampler's batch; the
 * outputs are put back by row index, so {@link #outputs()} is in input order whatever the workers
 * did. Then {@link Finished} (with no sampler result).
 */
public final class MapSource implements BatchSource {
  private final MapTask task;
  private final double[][] inputs;
  private double[][] outputs;

  private MapSource(MapTask task, double[][] inputs) {
    this.task = task;
    this.inputs = inputs;
  }

  /**
   * The source of {@code inputs} for {@code task}.
   *
   * @throws IllegalArgumentException listing every row of the wrong width (or none at all)
   */
  public static MapSource of(MapTask task, double[][] inputs) {
    List<String> problems = new ArrayList<>();
    if (inputs.length == 0) {
      problems.add("no input rows");
    }
    for (int i = 0; i < inputs.length && problems.size() < 10; i++) {
      if (inputs[i] == null || inputs[i].length != task.inputWidth()) {
        problems.add("row " + i + " has " + (inputs[i] == null ? "no values" : inputs[i].length + " values"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("map inputs for " + task.getClass().getName() + " (input width "
          + task.inputWidth() + "): " + String.join("; ", problems));
    }
    return new MapSource(task, inputs);
  }

  @Override
  public Request next() {
    return outputs == null ? new Batch(0, 0, 0, inputs) : new Finished(null);
  }

  @Override
  public void tell(long batchId, Evaluation evaluation) {
    double[][] out = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = new double[task.outputWidth()];
      out[i][0] = evaluation.logLikelihoods()[i];
      System.arraycopy(evaluation.derived()[i], 0, out[i], 1, task.outputWidth() - 1);
    }
    outputs = out;
  }

  @Override
  public String describe(double[] unitPoint) {
    return "input row " + Arrays.toString(unitPoint);
  }

  @Override
  public int derivedCount() {
    return task.outputWidth() - 1;
  }

  /** The output rows in input order, once the batch is complete. */
  public Optional<double[][]> outputs() {
    return Optional.ofNullable(outputs);
  }
}
