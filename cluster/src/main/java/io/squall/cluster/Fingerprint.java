package io.squall.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a node evaluates: the model's name, its parameters and the Squall version, with a digest
 * of them. A worker node presents its fingerprint when it registers; the master refuses a worker
 * whose digest differs from its own, and both sides print the two descriptions.
 *
 * @param digest SHA-256 of the canonical description, first 16 hex digits
 * @param description e.g. {@code model gaussian {delay-ms=2, dim=2}, squall 0.1.0}
 */
public record Fingerprint(String digest, String description) {
  /** The fingerprint of {@code model} under Squall {@code version}. */
  public static Fingerprint of(ModelSpec model, String version) {
    StringBuilder canonical = new StringBuilder("model=").append(model.name()).append('\n');
    for (Map.Entry<String, String> param : model.params().entrySet()) {
      canonical.append("param.").append(param.getKey()).append('=').append(param.getValue()).append('\n');
    }
    canonical.append("squall=").append(version).append('\n');
    return new Fingerprint(sha256(canonical.toString()).substring(0, 16),
        "model " + model.describe() + ", squall " + version);
  }

  /** True when both describe the same model, parameters and version. */
  public boolean matches(Fingerprint other) {
    return other != null && digest.equals(other.digest);
  }

  private static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
