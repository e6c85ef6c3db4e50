package io.squall.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.squall.sampler.MapTask;
import io.squall.sampler.Model;

/**
 * The generic master-worker map of the MPI guides — scatter input rows to workers, compute, gather
 * the outputs — on Squall's runtime: the same master, pull protocol, automatic task sizes,
 * retries and worker restarts as sampling. Outputs come back in input order, so any reduce over
 * them (a sum, a concatenation) is bit-identical for every worker count:
 *
 * <pre>{@code
 * double[][] out = DistributedMap.local(new PiTask(), PiTask.inputs(seed, samples, chunks), 4);
 * long hits = Arrays.stream(out).mapToLong(row -> (long) row[0]).sum();
 * }</pre>
 *
 * On a cluster, {@code squall example … --cluster} runs the same source on a master node and the
 * worker nodes evaluate the task (see the README, "Distributed map").
 */
public final class DistributedMap {
  private DistributedMap() {}

  /** The outputs of {@code task} over {@code inputs}, in the calling thread. */
  public static double[][] sequential(MapTask task, double[][] inputs) {
    MapSource source = MapSource.of(task, inputs);
    Model model = task.asModel();
    source.tell(0, model.evaluateUnitCube(inputs));
    return source.outputs().orElseThrow();
  }

  /** The outputs of {@code task} over {@code inputs}, on {@code workers} worker actors in this JVM. */
  public static double[][] local(MapTask task, double[][] inputs, int workers) {
    return local(task, inputs, LocalOptions.withWorkers(workers), ConfigFactory.load());
  }

  /** As {@link #local(MapTask, double[][], int)}, with every local-mode option. */
  public static double[][] local(MapTask task, double[][] inputs, LocalOptions options, Config config) {
    MapSource source = MapSource.of(task, inputs);
    LocalMode.run(source, task.asModel(), options, config);
    return source.outputs().orElseThrow(() -> new IllegalStateException("the map ended without its outputs"));
  }
}
