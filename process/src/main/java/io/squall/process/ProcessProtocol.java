package io.squall.process;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The wire protocol between Squall and a child process, over the child's stdin and stdout; every
 * number is little-endian (docs/process-protocol.md is the reference).
 *
 * <pre>
 * handshake (child → Squall, once):  "SQPR" u32 version u32 dim u32 flags u32 k, k × (u32 len, UTF-8 name)
 * request   (Squall → child):        u8 op ('L' θ points, 'U' unit-cube points, 'T' transform) u32 n, n·dim f64
 * reply     (child → Squall):        'R' u32 n u32 width, n·width f64   |   'E' u32 len, UTF-8 message
 * </pre>
 *
 * <p>For 'L' and 'U' a reply row is the log-likelihood followed by the k derived values (width
 * 1 + k); for 'T' it is θ (width dim). Flag bit 0 says that the child has its own prior transform.
 */
public final class ProcessProtocol {
  /** The four bytes that open the handshake. */
  public static final byte[] MAGIC = "SQPR".getBytes(StandardCharsets.US_ASCII);
  /** The protocol version this Squall speaks. */
  public static final int VERSION = 1;
  /** Flag bit: the child transforms unit-cube points itself (its own prior). */
  public static final int FLAG_PRIOR = 1;
  /** Request: evaluate physical points θ. */
  public static final byte EVALUATE_THETA = 'L';
  /** Request: evaluate unit-cube points (the child applies its prior transform first). */
  public static final byte EVALUATE_UNIT_CUBE = 'U';
  /** Request: map unit-cube points to θ with the child's prior. */
  public static final byte TRANSFORM = 'T';
  /** Reply: a block of values. */
  public static final byte RESULT = 'R';
  /** Reply: the child's callback raised an error; a UTF-8 message follows. */
  public static final byte ERROR = 'E';

  private static final int MAX_NAME_BYTES = 1 << 16;
  private static final int MAX_DERIVED = 1 << 16;

  private ProcessProtocol() {}

  /**
   * What the child announces.
   *
   * @param version the protocol version it speaks
   * @param dimension its number of parameters
   * @param ownPrior whether it transforms unit-cube points itself
   * @param derivedNames the names of its derived values, in order
   */
  public record Handshake(int version, int dimension, boolean ownPrior, List<String> derivedNames) {
    public Handshake {
      derivedNames = List.copyOf(derivedNames);
    }
  }

  /** Bytes that are not what the protocol expects: the message shows them in hex and as text. */
  public static final class GarbageException extends IOException {
    private static final long serialVersionUID = 1L;

    GarbageException(String message) {
      super(message);
    }
  }

  /** Reads the handshake, or throws {@link GarbageException} naming the bytes seen. */
  public static Handshake readHandshake(InputStream in) throws IOException {
    byte[] magic = readFully(in, MAGIC.length, "the handshake");
    for (int i = 0; i < MAGIC.length; i++) {
      if (magic[i] != MAGIC[i]) {
        throw garbage("instead of the handshake \"SQPR\"", magic, in);
      }
    }
    ByteBuffer header = buffer(readFully(in, 16, "the handshake"));
    int version = header.getInt();
    int dim = header.getInt();
    int flags = header.getInt();
    int k = header.getInt();
    if (version != VERSION) {
      return new Handshake(version, dim, false, List.of());
    }
    if (k < 0 || k > MAX_DERIVED) {
      throw garbage("as the number of derived values (" + Integer.toUnsignedString(k) + ")", header.array(), in);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byte[] lengthBytes = readFully(in, 4, "the handshake");
      int length = buffer(lengthBytes).getInt();
      if (length < 0 || length > MAX_NAME_BYTES) {
        throw garbage("as the length of a derived value's name", lengthBytes, in);
      }
      names.add(new String(readFully(in, length, "the handshake"), StandardCharsets.UTF_8));
    }
    return new Handshake(version, dim, (flags & FLAG_PRIOR) != 0, names);
  }

  /** A request: op, n, then the n points row by row. */
  public static byte[] request(byte op, double[][] points, int dim) {
    ByteBuffer out = ByteBuffer.allocate(5 + 8 * points.length * dim).order(ByteOrder.LITTLE_ENDIAN);
    out.put(op).putInt(points.length);
    for (double[] point : points) {
      for (int j = 0; j < dim; j++) {
        out.putDouble(point[j]);
      }
    }
    return out.array();
  }

  /**
   * Reads a reply of {@code n} rows of {@code width} values.
   *
   * @throws ChildErrorException when the child reports an error of its callback
   * @throws GarbageException when the bytes are not a reply of that shape
   */
  public static double[][] readReply(InputStream in, int n, int width) throws IOException {
    byte[] status = readFully(in, 1, "a reply");
    if (status[0] == ERROR) {
      byte[] lengthBytes = readFully(in, 4, "an error reply");
      int length = buffer(lengthBytes).getInt();
      if (length < 0 || length > (1 << 24)) {
        throw garbage("as the length of an error message", lengthBytes, in);
      }
      throw new ChildErrorException(new String(readFully(in, length, "an error reply"), StandardCharsets.UTF_8));
    }
    if (status[0] != RESULT) {
      throw garbage("instead of a reply ('R' or 'E')", status, in);
    }
    byte[] shape = readFully(in, 8, "a reply");
    ByteBuffer header = buffer(shape);
    int rows = header.getInt();
    int columns = header.getInt();
    if (rows != n || columns != width) {
      throw garbage("as the shape of a reply: " + Integer.toUnsignedString(rows) + " × "
          + Integer.toUnsignedString(columns) + " values where " + n + " × " + width + " were expected", shape, in);
    }
    DoubleBuffer body = buffer(readFully(in, 8 * n * width, "a reply")).asDoubleBuffer();
    double[][] values = new double[n][width];
    for (double[] row : values) {
      body.get(row);
    }
    return values;
  }

  private static ByteBuffer buffer(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Exactly {@code n} bytes, or {@link EOFException} saying what was being read. */
  static byte[] readFully(InputStream in, int n, String what) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the child closed its stdout after " + bytes.length + " of the " + n
          + " bytes of " + what);
    }
    return bytes;
  }

  /**
   * A {@link GarbageException}: the bytes seen, plus up to 60 more that are already available,
   * in hex and as text.
   */
  private static GarbageException garbage(String where, byte[] seen, InputStream in) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(seen);
    try {
      Thread.sleep(50);
      int more = Math.min(60, in.available());
      all.writeBytes(in.readNBytes(more));
    } catch (IOException e) {
      // nothing more to show
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new GarbageException("it wrote bytes " + describe(all.toByteArray()) + " " + where);
  }

  /** Bytes as hex and as printable text, e.g. {@code 68 69 0a ("hi.")}. */
  static String describe(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(b >= 32 && b < 127 ? (char) b : '.');
    }
    return HexFormat.ofDelimiter(" ").formatHex(bytes) + " (\"" + text + "\")";
  }
}
