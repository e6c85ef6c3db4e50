package io.squall.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small settings files for the tests. */
final class TestFiles {
  /** Small particle counts so that a 2-D run takes a fraction of a second. */
  static final String SMALL_SAMPLER = String.join("\n",
      "squall.sampler {",
      "  active-particles = 64",
      "  effective-particles = 128",
      "  total-samples = 256",
      "}",
      "");

  private TestFiles() {}

  /** Writes {@code text} to {@code dir/name} and returns the path. */
  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A config file with the small sampler settings plus {@code extra} lines. */
  static Path smallConfig(Path dir, String... extra) {
    return write(dir, "small.conf", SMALL_SAMPLER + String.join("\n", extra) + "\n");
  }
}
