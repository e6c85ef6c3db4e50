package io.squall.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a tuning measurement depends on: the CPU model, the number of cores, the total memory and
 * the JVM. Its {@link #hash()} names the tuning cache file, so that a measurement is reused only on
 * the same hardware and JVM.
 *
 * @param cpuModel the CPU model ({@code model name} of /proc/cpuinfo, else the OS architecture)
 * @param cores available processors
 * @param totalMemoryBytes physical memory (0 when the JVM cannot tell)
 * @param jvm JVM vendor, name and version
 */
public record HardwareSignature(String cpuModel, int cores, long totalMemoryBytes, String jvm) {
  /** This machine and JVM. */
  public static HardwareSignature current() {
    return new HardwareSignature(cpuModel(Path.of("/proc/cpuinfo")).orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(), totalMemory(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"));
  }

  /** The first 16 hex digits of the SHA-256 of the four fields. */
  public String hash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The {@code model name} line of a /proc/cpuinfo file, if there is one. */
  static Optional<String> cpuModel(Path cpuinfo) {
    try {
      return Files.readAllLines(cpuinfo, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }
}
