package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every message binds to Jackson CBOR through CborSerializable and survives a round trip bit for bit. */
class MessageSerializationTest {
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T message) {
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(message);
    assertInstanceOf(JacksonCborSerializer.class, serializer, message.getClass().getName());
    byte[] bytes = serialization.serialize(message).get();
    return (T) serialization.deserialize(bytes, serializer.identifier(),
        org.apache.pekko.serialization.Serializers.manifestFor(serializer, message)).get();
  }

  @Test
  void testsRunWithMessageSerializationOnAndJavaSerializationOff() {
    Config config = ConfigFactory.load();
    assertTrue(config.getBoolean("pekko.actor.serialize-messages"));
    assertTrue(!config.getBoolean("pekko.actor.allow-java-serialization"));
  }

  @Test
  void workerMessagesRoundTrip() {
    double[][] points = {{0.25, Double.MIN_VALUE}, {1.0 / 3, 0.0}};
    Worker.Evaluate back = roundTrip(new Worker.Evaluate(new TaskId(9, 4), points));
    assertEquals(new TaskId(9, 4), back.task());
    assertArrayEquals(points, back.unitPoints());
  }

  @Test
  void masterMessagesRoundTrip() {
    TestProbe<Worker.Command> probe = testKit.createTestProbe();
    ActorRef<Worker.Command> worker = probe.getRef();
    assertEquals(new SamplerMaster.RequestWork(worker, 2), roundTrip(new SamplerMaster.RequestWork(worker, 2)));
    double[] values = {Double.NEGATIVE_INFINITY, Double.NaN, -1.0 / 7};
    SamplerMaster.Evaluated evaluated = roundTrip(new SamplerMaster.Evaluated(worker, new TaskId(3, 0), values, null, 42));
    assertEquals(worker, evaluated.worker());
    assertEquals(42, evaluated.busyNanos());
    assertEquals(Double.doubleToRawLongBits(values[2]), Double.doubleToRawLongBits(evaluated.logLikelihoods()[2]));
    assertTrue(Double.isNaN(evaluated.logLikelihoods()[1]));
    assertEquals(values[0], evaluated.logLikelihoods()[0]);
    SamplerMaster.Failed failed = new SamplerMaster.Failed(worker, new TaskId(3, 8), 9, "E: x", 5);
    assertEquals(failed, roundTrip(failed));
    SamplerMaster.WorkerRestarting restarting = new SamplerMaster.WorkerRestarting(worker, null, "E: y");
    assertEquals(restarting, roundTrip(restarting));
  }

  /** Derived values travel bit-exactly as a packed matrix beside the log-likelihoods. */
  @Test
  void derivedValuesRoundTrip() {
    ActorRef<Worker.Command> worker = testKit.<Worker.Command>createTestProbe().getRef();
    double[][] derived = {{1.5, Double.NaN}, {-0.0, Double.POSITIVE_INFINITY}};
    SamplerMaster.Evaluated back = roundTrip(new SamplerMaster.Evaluated(worker, new TaskId(1, 2),
        new double[] {-1, -2}, derived, 7));
    assertEquals(2, back.derived().length);
    for (int i = 0; i < derived.length; i++) {
      for (int k = 0; k < derived[i].length; k++) {
        assertEquals(Double.doubleToRawLongBits(derived[i][k]), Double.doubleToRawLongBits(back.derived()[i][k]));
      }
    }
    assertEquals(null, roundTrip(new SamplerMaster.Evaluated(worker, new TaskId(1, 2), new double[] {-1}, null, 7))
        .derived());
  }

  /** A message naming a class that is not bound to Jackson is refused, never instantiated. */
  @Test
  void aManifestOfAnUnboundClassIsNeverDeserialized() {
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer cbor = serialization.findSerializerFor(new TaskId(1, 2));
    byte[] bytes = serialization.serialize(new TaskId(1, 2)).get();
    for (String manifest : new String[] {"java.lang.ProcessBuilder", "java.util.HashMap", "io.squall.actors.NoSuchClass"}) {
      scala.util.Try<Object> back = serialization.deserialize(bytes, cbor.identifier(), manifest);
      assertTrue(back.isFailure(), manifest);
    }
    scala.util.Try<Object> denied = serialization.deserialize(bytes, cbor.identifier(), "java.lang.ProcessBuilder");
    assertTrue(denied.failed().get().getMessage().contains("Only classes that are listed as allowed"), denied.failed().get().getMessage());
  }
}
