package io.squall.actors.bench;

import com.typesafe.config.ConfigFactory;
import io.squall.actors.CborSerializable;
import io.squall.actors.SamplerMaster;
import io.squall.actors.TaskId;
import io.squall.actors.Worker;
import java.util.Locale;
import java.util.Random;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/**
 * Bytes per point and serialization time of a task ({@link Worker.Evaluate}) and its result
 * ({@link SamplerMaster.Evaluated}) through Pekko's serialization, in two forms: plain Jackson
 * CBOR of {@code double[][]} / {@code double[]} (every double a 9-byte CBOR item, every row an
 * array) and the packed byte strings of {@link io.squall.actors.PackedDoubles} that the messages
 * use. Prints one line per (form, message, dimension, points per task): bytes per point and
 * nanoseconds per point for serialize + deserialize, medians of 7 rounds after warm-up.
 *
 * <p>Not a test: {@code java -cp <actors test classpath> io.squall.actors.bench.SerializationBenchmark}.
 */
public final class SerializationBenchmark {
  private SerializationBenchmark() {}

  /** The task message as it was before packing: plain Jackson CBOR arrays. */
  public record PlainEvaluate(TaskId task, double[][] unitPoints) implements CborSerializable {}

  /** The result message as it was before packing. */
  public record PlainEvaluated(ActorRef<Worker.Command> worker, TaskId task, double[] logLikelihoods, long busyNanos)
      implements CborSerializable {}

  public static void main(String[] args) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench", ConfigFactory.parseString(
        "pekko.actor.serialize-messages = off\npekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
    try {
      ActorRef<Worker.Command> worker = system.systemActorOf(Behaviors.<Worker.Command>empty(), "worker",
          org.apache.pekko.actor.typed.Props.empty());
      Serialization serialization = SerializationExtension.get(system);
      Random random = new Random(1);
      System.out.println("form    message    dim  points  bytes/point  ns/point(ser+deser)");
      for (int dim : new int[] {2, 10, 50}) {
        for (int points : new int[] {1, 10, 100, 1000}) {
          double[][] rows = new double[points][dim];
          double[] values = new double[points];
          for (int i = 0; i < points; i++) {
            for (int j = 0; j < dim; j++) {
              rows[i][j] = random.nextDouble();
            }
            values[i] = -random.nextDouble() * 100;
          }
          TaskId id = new TaskId(123, 4096);
          report(serialization, "plain ", "task  ", dim, points, new PlainEvaluate(id, rows));
          report(serialization, "packed", "task  ", dim, points, new Worker.Evaluate(id, rows));
          if (dim == 10) {
            report(serialization, "plain ", "result", 0, points, new PlainEvaluated(worker, id, values, 1234567));
            report(serialization, "packed", "result", 0, points, new SamplerMaster.Evaluated(worker, id, values, null, 1234567));
          }
        }
      }
    } finally {
      system.terminate();
    }
  }

  private static void report(Serialization serialization, String form, String message, int dim, int points,
      Object value) {
    Serializer serializer = serialization.findSerializerFor(value);
    String manifest = Serializers.manifestFor(serializer, value);
    byte[] bytes = serialization.serialize(value).get();
    int reps = Math.max(200, 400_000 / (points * Math.max(1, dim)));
    double[] rounds = new double[7];
    for (int warm = 0; warm < 3; warm++) {
      time(serialization, serializer, manifest, value, reps);
    }
    for (int r = 0; r < rounds.length; r++) {
      rounds[r] = time(serialization, serializer, manifest, value, reps) / reps / points;
    }
    java.util.Arrays.sort(rounds);
    System.out.printf(Locale.ROOT, "%s  %s  %4d  %6d  %11.1f  %10.1f%n", form, message, dim, points,
        (double) bytes.length / points, rounds[rounds.length / 2]);
  }

  private static double time(Serialization serialization, Serializer serializer, String manifest, Object value,
      int reps) {
    long start = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < reps; i++) {
      byte[] bytes = serialization.serialize(value).get();
      Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
      sink += bytes.length + (back == null ? 1 : 0);
    }
    if (sink == 42) {
      System.out.print("");
    }
    return System.nanoTime() - start;
  }
}
