package io.squall.actors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * The compact wire form of the bulk arrays of tasks and results: the raw IEEE-754 bits of the
 * doubles, little-endian, as one CBOR byte string (8 bytes per value, bit-exact for NaN payloads,
 * −0.0 and infinities). Plain Jackson CBOR writes every double as its own 9-byte item and every
 * row as its own array; the measurements that chose this form are in {@code docs/performance.md}.
 *
 * <p>Used through Jackson annotations on the message fields, so the messages stay plain records
 * bound to Jackson CBOR by {@link CborSerializable}:
 *
 * <pre>{@code
 * record Evaluate(TaskId task,
 *     @JsonSerialize(using = PackedDoubles.MatrixSerializer.class)
 *     @JsonDeserialize(using = PackedDoubles.MatrixDeserializer.class) double[][] unitPoints) {}
 * }</pre>
 *
 * A matrix is written as {@code [rows, columns, bytes]}; its rows must have equal lengths (every
 * point of a batch has the model's dimension). Malformed input (lengths that do not match the
 * bytes) is rejected with an {@link IOException}, which Pekko logs before dropping the message.
 */
public final class PackedDoubles {
  private PackedDoubles() {}

  /** The little-endian bytes of {@code values}. */
  public static byte[] pack(double[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(values.length, Double.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.asDoubleBuffer().put(values);
    return buffer.array();
  }

  /** The doubles of {@code bytes} (a multiple of 8 long). */
  public static double[] unpackVector(byte[] bytes) throws IOException {
    if (bytes.length % Double.BYTES != 0) {
      throw new IOException("packed doubles: " + bytes.length + " bytes is not a multiple of 8");
    }
    double[] values = new double[bytes.length / Double.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
    return values;
  }

  /** The rows of {@code rows} (equal lengths) one after the other, little-endian. */
  public static byte[] pack(double[][] rows) {
    int columns = columns(rows);
    ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(rows.length, columns), Double.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    DoubleBuffer doubles = buffer.asDoubleBuffer();
    for (double[] row : rows) {
      doubles.put(row);
    }
    return buffer.array();
  }

  /** A {@code rows × columns} matrix from the bytes of {@link #pack(double[][])}. */
  public static double[][] unpackMatrix(int rows, int columns, byte[] bytes) throws IOException {
    if (rows < 0 || columns < 0 || (rows > 0 && columns == 0)
        || (long) rows * columns * Double.BYTES != bytes.length) {
      throw new IOException("packed matrix: " + rows + " x " + columns + " does not match " + bytes.length + " bytes");
    }
    DoubleBuffer doubles = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    double[][] matrix = new double[rows][columns];
    for (double[] row : matrix) {
      doubles.get(row);
    }
    return matrix;
  }

  private static int columns(double[][] rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    for (double[] row : rows) {
      if (row.length != columns) {
        throw new IllegalArgumentException("packed matrix: rows of different lengths (" + columns + " and "
            + row.length + ")");
      }
    }
    return columns;
  }

  /** Writes a {@code double[]} as one byte string. */
  public static final class VectorSerializer extends JsonSerializer<double[]> {
    @Override
    public void serialize(double[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeBinary(pack(value));
    }
  }

  /** Reads what {@link VectorSerializer} wrote. */
  public static final class VectorDeserializer extends JsonDeserializer<double[]> {
    @Override
    public double[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return unpackVector(binary(parser));
    }
  }

  /** Writes a rectangular {@code double[][]} as {@code [rows, columns, bytes]}. */
  public static final class MatrixSerializer extends JsonSerializer<double[][]> {
    @Override
    public void serialize(double[][] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartArray(value, 3);
      gen.writeNumber(value.length);
      gen.writeNumber(columns(value));
      gen.writeBinary(pack(value));
      gen.writeEndArray();
    }
  }

  /** Reads what {@link MatrixSerializer} wrote. */
  public static final class MatrixDeserializer extends JsonDeserializer<double[][]> {
    @Override
    public double[][] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      expect(parser, parser.currentToken(), JsonToken.START_ARRAY);
      int rows = integer(parser);
      int columns = integer(parser);
      parser.nextToken();
      byte[] bytes = binary(parser);
      expect(parser, parser.nextToken(), JsonToken.END_ARRAY);
      return unpackMatrix(rows, columns, bytes);
    }

    private static int integer(JsonParser parser) throws IOException {
      expect(parser, parser.nextToken(), JsonToken.VALUE_NUMBER_INT);
      return parser.getIntValue();
    }
  }

  private static byte[] binary(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_EMBEDDED_OBJECT && token != JsonToken.VALUE_STRING) {
      throw new IOException("packed doubles: expected a byte string, got " + token);
    }
    return parser.getBinaryValue();
  }

  private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("packed matrix: expected " + expected + ", got " + actual + " at "
          + parser.currentLocation());
    }
  }
}
