package io.squall.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MapTask} dressed as a {@link Model}, so that the workers, the task queue and the wire
 * format of sampling carry map tasks unchanged: a point is an input row (θ(u) = u, no prior
 * transform), output value 0 travels as the log-likelihood and values 1 … k−1 as derived values
 * named {@code out1} … The map's driver, not the sampler, reads them back.
 */
public final class MapTaskModel implements Model {
  private final MapTask task;
  private final List<String> derivedNames;

  MapTaskModel(MapTask task) {
    if (task.inputWidth() < 1 || task.outputWidth() < 1) {
      throw new IllegalArgumentException("a map task needs input and output widths of at least 1, got "
          + task.inputWidth() + " and " + task.outputWidth() + " (" + task.getClass().getName() + ")");
    }
    this.task = task;
    List<String> names = new ArrayList<>();
    for (int k = 1; k < task.outputWidth(); k++) {
      names.add("out" + k);
    }
    this.derivedNames = List.copyOf(names);
  }

  /** The task this model runs. */
  public MapTask task() {
    return task;
  }

  @Override
  public int dimension() {
    return task.inputWidth();
  }

  @Override
  public double[] theta(double[] unitCube) {
    return unitCube;
  }

  @Override
  public List<String> derivedNames() {
    return derivedNames;
  }

  @Override
  public double[] logLikelihoods(double[][] thetas) {
    return evaluate(thetas).logLikelihoods();
  }

  @Override
  public Evaluation evaluate(double[][] thetas) {
    double[] first = new double[thetas.length];
    double[][] rest = new double[thetas.length][];
    for (int i = 0; i < thetas.length; i++) {
      double[] out = task.apply(thetas[i]);
      if (out == null || out.length != task.outputWidth()) {
        throw new IllegalStateException(task.getClass().getName() + " returned "
            + (out == null ? "null" : out.length + " values") + " for input row " + i + " of its task, expected "
            + task.outputWidth());
      }
      first[i] = out[0];
      rest[i] = java.util.Arrays.copyOfRange(out, 1, out.length);
    }
    return new Evaluation(first, rest);
  }
}
