package io.squall.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes NumPy's {@code .npy} format, version 1.0, for little-endian float64 arrays in C order
 * (what {@code numpy.load} reads with no options): the magic {@code \x93NUMPY}, the version bytes
 * 1 and 0, the header length as a little-endian uint16, an ASCII header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (N, d), }} padded with spaces and ended
 * by a newline so that the data starts at a multiple of 64 bytes, then the values. (The format is
 * specified in {@code numpy.lib.format}; the Java libraries that write it bring a Kotlin runtime or
 * are unmaintained, so these few lines do it.)
 */
final class NpyFile {
  /** The first bytes of every .npy file. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGNMENT = 64;
  private static final int PREAMBLE = MAGIC.length + 2 + 2;

  private NpyFile() {}

  /** Writes a 1-D array of {@code values.length} doubles. */
  static void write(double[] values, OutputStream out) throws IOException {
    writeHeader(out, values.length);
    writeValues(values, out);
  }

  /** Writes an {@code rows.length} × {@code columns} array; every row must have {@code columns} values. */
  static void write(double[][] rows, int columns, OutputStream out) throws IOException {
    writeHeader(out, rows.length, columns);
    for (double[] row : rows) {
      if (row.length != columns) {
        throw new IllegalArgumentException("a row has " + row.length + " values, expected " + columns);
      }
      writeValues(row, out);
    }
  }

  /** The header dictionary of a float64 C-order array of {@code shape}, unpadded. */
  static String headerDictionary(int... shape) {
    String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
    return "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }";
  }

  private static void writeHeader(OutputStream out, int... shape) throws IOException {
    String dictionary = headerDictionary(shape);
    int unpadded = PREAMBLE + dictionary.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    String header = dictionary + " ".repeat(padding) + "\n";
    out.write(MAGIC);
    out.write(1);
    out.write(0);
    out.write(header.length() & 0xff);
    out.write(header.length() >>> 8);
    out.write(header.getBytes(StandardCharsets.US_ASCII));
  }

  private static void writeValues(double[] values, OutputStream out) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Double.BYTES * Math.min(values.length, 8192))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      buffer.putDouble(values[i]);
      if (!buffer.hasRemaining()) {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
    }
    out.write(buffer.array(), 0, buffer.position());
  }
}
