package io.squall.sampler;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The file format of a {@link SamplerCheckpoint}: a small versioned binary format, data only.
 *
 * <pre>
 *   bytes 0–7     magic "SQUALLCK"
 *   bytes 8–11    format version (int, {@value #VERSION})
 *   bytes 12–19   payload length L (long)
 *   bytes 20…     payload (L bytes)
 *   last 4 bytes  CRC-32 of everything before it
 * </pre>
 *
 * Numbers are big-endian; every double is stored as its raw IEEE-754 bits
 * ({@link Double#doubleToRawLongBits}), so it reads back bit for bit (NaN payloads included);
 * strings are UTF-8 with an int length. The payload holds, in order: the origin (model name and
 * parameters, driver settings), the sampler settings, the parameter names, boundaries and
 * derived-value names, the pool (derived values included),
 * the diagnostics, the progress and the random-stream states. Reading checks the magic, the
 * version, the length (a truncated file is named as such, with how many bytes are missing) and the
 * checksum before decoding anything, so a damaged file gives one clear line, never a half-read run.
 */
public final class CheckpointFormat {
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "SQUALLCK".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES;
  private static final int TRAILER = Integer.BYTES;

  private CheckpointFormat() {}

  /** Writes {@code checkpoint} to {@code out} (not closed). */
  public static void write(SamplerCheckpoint checkpoint, OutputStream out) throws IOException {
    out.write(toBytes(checkpoint));
    out.flush();
  }

  /** The bytes of {@code checkpoint} in this format. */
  public static byte[] toBytes(SamplerCheckpoint checkpoint) {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      Encoder encoder = new Encoder(new DataOutputStream(payload));
      encoder.checkpoint(checkpoint);
      ByteBuffer file = ByteBuffer.allocate(HEADER + payload.size() + TRAILER);
      file.put(MAGIC).putInt(VERSION).putLong(payload.size()).put(payload.toByteArray());
      file.putInt(crc(file.array(), file.position()));
      return file.array();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a checkpoint in memory", e);
    }
  }

  /**
   * Reads a checkpoint file.
   *
   * @throws CheckpointException naming {@code file} and what is wrong: missing, unreadable, not
   *     a checkpoint, another version, truncated or corrupt
   */
  public static SamplerCheckpoint read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("cannot read checkpoint file '" + file + "': no such file", e);
    } catch (AccessDeniedException e) {
      throw new CheckpointException("cannot read checkpoint file '" + file + "': permission denied", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint file '" + file + "': "
          + (Files.isDirectory(file) ? "it is a folder" : e.getMessage()), e);
    }
    try {
      return fromBytes(bytes);
    } catch (CheckpointException e) {
      throw new CheckpointException("checkpoint file '" + file + "' " + e.getMessage(), e);
    }
  }

  /** Reads a checkpoint from {@code in} (to its end). */
  public static SamplerCheckpoint read(InputStream in) throws IOException {
    return fromBytes(in.readAllBytes());
  }

  /**
   * Decodes the bytes of one checkpoint.
   *
   * @throws CheckpointException saying what is wrong ("is truncated: …", "is corrupt: …", …)
   */
  public static SamplerCheckpoint fromBytes(byte[] bytes) {
    checkFrame(bytes);
    ByteBuffer payload = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER - TRAILER).slice();
    try {
      SamplerCheckpoint checkpoint = new Decoder(payload).checkpoint();
      if (payload.hasRemaining()) {
        throw new CheckpointException("is corrupt: " + payload.remaining() + " bytes left after the checkpoint");
      }
      return checkpoint;
    } catch (BufferUnderflowException e) {
      throw new CheckpointException("is corrupt: its payload ends early", e);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("is corrupt: " + e.getMessage(), e);
    }
  }

  private static void checkFrame(byte[] bytes) {
    if (bytes.length == 0) {
      throw new CheckpointException("is empty");
    }
    int prefix = Math.min(bytes.length, MAGIC.length);
    if (!Arrays.equals(bytes, 0, prefix, MAGIC, 0, prefix)) {
      throw new CheckpointException("is not a Squall checkpoint (it does not start with SQUALLCK)");
    }
    if (bytes.length < HEADER) {
      throw new CheckpointException("is truncated: " + bytes.length + " bytes, not even a header");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, HEADER - MAGIC.length);
    int version = header.getInt();
    if (version != VERSION) {
      throw new CheckpointException("has format version " + version + "; this Squall reads version " + VERSION);
    }
    long length = header.getLong();
    long expected = HEADER + length + TRAILER;
    if (length < 0 || bytes.length < expected) {
      throw new CheckpointException("is truncated: " + bytes.length + " of " + expected + " bytes");
    }
    if (bytes.length > expected) {
      throw new CheckpointException("is corrupt: " + (bytes.length - expected) + " bytes after its end");
    }
    int stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getInt();
    if (stored != crc(bytes, bytes.length - TRAILER)) {
      throw new CheckpointException("is corrupt: checksum mismatch");
    }
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** Writes the payload, part by part. */
  private static final class Encoder {
    private final DataOutputStream out;

    Encoder(DataOutputStream out) {
      this.out = out;
    }

    void checkpoint(SamplerCheckpoint c) throws IOException {
      origin(c.origin());
      settings(c.settings());
      strings(c.parameterNames());
      strings(c.boundaries().stream().map(Enum::name).toList());
      strings(c.derivedNames());
      pool(c.pool());
      out.writeInt(c.diagnostics().size());
      for (IterationDiagnostics d : c.diagnostics()) {
        diagnostics(d);
      }
      progress(c.progress());
      out.writeInt(c.randomStates().size());
      for (Map.Entry<RandomStreams.Purpose, byte[]> e : c.randomStates().entrySet()) {
        string(e.getKey().name());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
      out.flush();
    }

    private void origin(SamplerCheckpoint.Origin o) throws IOException {
      string(o.modelName());
      map(o.modelParameters());
      map(o.settings());
    }

    private void settings(SamplerSettings s) throws IOException {
      out.writeInt(s.activeParticles());
      out.writeInt(s.effectiveParticles());
      out.writeInt(s.totalSamples());
      out.writeInt(s.mcmcSteps());
      out.writeInt(s.maxMcmcSteps());
      string(s.kernel().name());
      string(s.resampling().name());
      out.writeLong(s.seed());
      out.writeBoolean(s.nanAsMinusInfinity());
      out.writeInt(s.replicas());
      out.writeBoolean(s.clustering());
    }

    private void pool(SamplerCheckpoint.PoolState p) throws IOException {
      out.writeInt(p.dimension());
      doubles(p.unitPoints());
      out.writeInt(p.derivedCount());
      doubles(p.derived());
      doubles(p.logLikelihoods());
      doubles(p.logDenominators());
      ints(p.iterations());
      ints(p.parents());
      out.writeInt(p.history().size());
      for (Pool.Iteration it : p.history()) {
        real(it.beta());
        real(it.logEvidence());
        out.writeInt(it.count());
      }
    }

    private void diagnostics(IterationDiagnostics d) throws IOException {
      out.writeInt(d.iteration());
      real(d.beta());
      real(d.effectiveSampleSize());
      real(d.logEvidence());
      real(d.acceptance());
      out.writeInt(d.steps());
      real(d.stepSizeRatio());
      out.writeInt(d.modes());
      out.writeLong(d.likelihoodCalls());
      out.writeInt(d.poolSize());
    }

    private void progress(SamplerCheckpoint.Progress p) throws IOException {
      real(p.beta());
      doubles(p.stepSizes());
      out.writeInt(p.modes().size());
      for (Mode mode : p.modes()) {
        doubles(mode.mean());
        for (double[] row : mode.cholesky()) {
          doubles(row);
        }
      }
      out.writeInt(p.nextSteps());
      out.writeLong(p.batchCounter());
      out.writeLong(p.likelihoodCalls());
    }

    private void real(double value) throws IOException {
      out.writeLong(Double.doubleToRawLongBits(value));
    }

    private void doubles(double[] values) throws IOException {
      out.writeInt(values.length);
      for (double v : values) {
        real(v);
      }
    }

    private void ints(int[] values) throws IOException {
      out.writeInt(values.length);
      for (int v : values) {
        out.writeInt(v);
      }
    }

    private void string(String value) throws IOException {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    private void strings(List<String> values) throws IOException {
      out.writeInt(values.size());
      for (String v : values) {
        string(v);
      }
    }

    private void map(Map<String, String> values) throws IOException {
      out.writeInt(values.size());
      for (Map.Entry<String, String> e : values.entrySet()) {
        string(e.getKey());
        string(e.getValue());
      }
    }
  }

  /** Reads the payload in the order {@link Encoder} wrote it; every count is checked against what is left. */
  private static final class Decoder {
    private final ByteBuffer in;

    Decoder(ByteBuffer in) {
      this.in = in;
    }

    SamplerCheckpoint checkpoint() {
      SamplerCheckpoint.Origin origin = new SamplerCheckpoint.Origin(string(), map(), map());
      SamplerSettings settings = settings();
      List<String> names = strings();
      List<Boundary> boundaries = strings().stream().map(b -> constant(Boundary.class, b)).toList();
      List<String> derivedNames = strings();
      SamplerCheckpoint.PoolState pool = pool();
      int count = count(Integer.BYTES);
      List<IterationDiagnostics> diagnostics = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        diagnostics.add(diagnostics());
      }
      SamplerCheckpoint.Progress progress = progress(pool.dimension());
      return new SamplerCheckpoint(origin, settings, names, boundaries, derivedNames, pool, diagnostics, progress,
          randomStates());
    }

    private SamplerSettings settings() {
      int active = in.getInt();
      int effective = in.getInt();
      int total = in.getInt();
      int steps = in.getInt();
      int maxSteps = in.getInt();
      Kernel kernel = constant(Kernel.class, string());
      Resampling resampling = constant(Resampling.class, string());
      long seed = in.getLong();
      boolean nan = bool();
      int replicas = in.getInt();
      boolean clustering = bool();
      return new SamplerSettings(active, effective, total, steps, maxSteps, kernel, resampling, seed, nan,
          replicas, clustering);
    }

    private SamplerCheckpoint.PoolState pool() {
      int dimension = in.getInt();
      double[] points = doubles();
      int derivedCount = in.getInt();
      double[] derived = doubles();
      double[] logLikelihoods = doubles();
      double[] logDenominators = doubles();
      int[] iterations = ints();
      int[] parents = ints();
      int count = count(2 * Double.BYTES + Integer.BYTES);
      List<Pool.Iteration> history = new ArrayList<>(count);
      for (int t = 0; t < count; t++) {
        history.add(new Pool.Iteration(real(), real(), in.getInt()));
      }
      return new SamplerCheckpoint.PoolState(dimension, points, derivedCount, derived, logLikelihoods,
          logDenominators, iterations, parents, history);
    }

    private IterationDiagnostics diagnostics() {
      return new IterationDiagnostics(in.getInt(), real(), real(), real(), real(), in.getInt(), real(),
          in.getInt(), in.getLong(), in.getInt());
    }

    private SamplerCheckpoint.Progress progress(int dimension) {
      double beta = real();
      double[] stepSizes = doubles();
      int count = count(Integer.BYTES);
      List<Mode> modes = new ArrayList<>(count);
      for (int m = 0; m < count; m++) {
        double[] mean = doubles();
        double[][] cholesky = new double[mean.length][];
        for (int i = 0; i < mean.length; i++) {
          cholesky[i] = doubles();
          if (cholesky[i].length != mean.length) {
            throw new IllegalArgumentException("a mode's Cholesky factor has a row of " + cholesky[i].length
                + " for dimension " + mean.length);
          }
        }
        modes.add(Mode.ofCholesky(mean, cholesky));
      }
      return new SamplerCheckpoint.Progress(beta, stepSizes, modes, in.getInt(), in.getLong(), in.getLong());
    }

    private Map<RandomStreams.Purpose, byte[]> randomStates() {
      int count = count(Integer.BYTES);
      Map<RandomStreams.Purpose, byte[]> states = new EnumMap<>(RandomStreams.Purpose.class);
      for (int i = 0; i < count; i++) {
        RandomStreams.Purpose purpose = constant(RandomStreams.Purpose.class, string());
        byte[] state = new byte[count(1)];
        in.get(state);
        states.put(purpose, state);
      }
      return states;
    }

    /** A count of elements of {@code bytesEach} bytes, which must fit in what is left. */
    private int count(int bytesEach) {
      int n = in.getInt();
      if (n < 0 || (long) n * bytesEach > in.remaining()) {
        throw new IllegalArgumentException("a count of " + n + " where " + in.remaining() + " bytes are left");
      }
      return n;
    }

    private double real() {
      return Double.longBitsToDouble(in.getLong());
    }

    private boolean bool() {
      byte b = in.get();
      if (b != 0 && b != 1) {
        throw new IllegalArgumentException("a boolean of value " + b);
      }
      return b == 1;
    }

    private double[] doubles() {
      double[] out = new double[count(Double.BYTES)];
      for (int i = 0; i < out.length; i++) {
        out[i] = real();
      }
      return out;
    }

    private int[] ints() {
      int[] out = new int[count(Integer.BYTES)];
      for (int i = 0; i < out.length; i++) {
        out[i] = in.getInt();
      }
      return out;
    }

    private String string() {
      byte[] bytes = new byte[count(1)];
      in.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<String> strings() {
      int n = count(Integer.BYTES);
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(string());
      }
      return out;
    }

    private Map<String, String> map() {
      int n = count(2 * Integer.BYTES);
      Map<String, String> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(string(), string());
      }
      return out;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + name + "'", e);
      }
    }
  }
}
