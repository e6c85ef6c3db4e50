package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The packed wire form of the bulk arrays: bit-exact, 8 bytes per value, malformed input rejected. */
class PackedDoublesTest {
  private static final ObjectMapper CBOR = new CBORMapper();
  private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.NaN,
      Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3};

  record Points(
      @JsonSerialize(using = PackedDoubles.MatrixSerializer.class)
      @JsonDeserialize(using = PackedDoubles.MatrixDeserializer.class)
      double[][] rows,
      @JsonSerialize(using = PackedDoubles.VectorSerializer.class)
      @JsonDeserialize(using = PackedDoubles.VectorDeserializer.class)
      double[] values) {}

  private static void assertBits(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "index " + i);
    }
  }

  @Test
  void vectorsAndMatricesRoundTripBitForBit() throws IOException {
    double[][] rows = {SPECIAL, SPECIAL.clone()};
    rows[1][0] = 42;
    Points back = CBOR.readValue(CBOR.writeValueAsBytes(new Points(rows, SPECIAL)), Points.class);
    assertBits(SPECIAL, back.values());
    assertEquals(2, back.rows().length);
    assertBits(rows[0], back.rows()[0]);
    assertBits(rows[1], back.rows()[1]);
  }

  @Test
  void emptyAndNullArraysRoundTrip() throws IOException {
    Points empty = CBOR.readValue(CBOR.writeValueAsBytes(new Points(new double[0][], new double[0])), Points.class);
    assertEquals(0, empty.rows().length);
    assertEquals(0, empty.values().length);
    Points nulls = CBOR.readValue(CBOR.writeValueAsBytes(new Points(null, null)), Points.class);
    assertEquals(null, nulls.rows());
    assertEquals(null, nulls.values());
  }

  @Test
  void aPointCostsEightBytesPerCoordinate() throws IOException {
    int dim = 10;
    int points = 100;
    double[][] rows = new double[points][dim];
    int packed = CBOR.writeValueAsBytes(new Points(rows, null)).length;
    int overhead = CBOR.writeValueAsBytes(new Points(new double[0][], null)).length;
    assertTrue(packed - overhead <= points * dim * 8 + 8, "bytes: " + (packed - overhead));
  }

  @Test
  void raggedMatricesAreRefusedWhenSent() {
    double[][] ragged = {{1, 2}, {3}};
    Exception e = assertThrows(Exception.class, () -> CBOR.writeValueAsBytes(new Points(ragged, null)));
    assertTrue(String.valueOf(e.getMessage()).contains("rows of different lengths"), e.getMessage());
  }

  @Test
  void malformedInputIsRejected() {
    assertThrows(IOException.class, () -> PackedDoubles.unpackVector(new byte[7]));
    assertThrows(IOException.class, () -> PackedDoubles.unpackMatrix(2, 3, new byte[40]));
    assertThrows(IOException.class, () -> PackedDoubles.unpackMatrix(Integer.MAX_VALUE, 0, new byte[0]));
    assertThrows(IOException.class, () -> PackedDoubles.unpackMatrix(-1, 2, new byte[0]));
    assertArrayEquals(new double[] {1.5}, assertDoesNotThrow(PackedDoubles.pack(new double[] {1.5})));
  }

  private static double[] assertDoesNotThrow(byte[] bytes) {
    try {
      return PackedDoubles.unpackVector(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
