package io.squall.cluster;

import io.squall.process.ScriptDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a node evaluates: the model's name, its parameters, the SHA-256 of the script of a
 * {@code process} model ({@link ScriptDigest}) and the Squall version, with a digest of them. A
 * worker node presents its fingerprint when it registers; the master refuses a worker whose digest
 * differs from its own, and both sides print the two descriptions.
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
    List<String> files = ScriptDigest.lines(model.name(), model.params());
    files.forEach(line -> canonical.append(line).append('\n'));
    canonical.append("squall=").append(version).append('\n');
    return new Fingerprint(sha256(canonical.toString()).substring(0, 16), "model " + model.describe()
        + (files.isEmpty() ? "" : " " + shortDigests(files)) + ", squall " + version);
  }

  /** {@code [gauss.py sha256 0123456789ab]} for lines {@code file.gauss.py=<sha-256>}. */
  private static String shortDigests(List<String> files) {
    List<String> parts = new ArrayList<>();
    for (String line : files) {
      int eq = line.lastIndexOf('=');
      String digest = line.substring(eq + 1);
      parts.add(line.substring("file.".length(), eq) + " sha256 " + digest.substring(0, Math.min(12, digest.length())));
    }
    return parts.toString();
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
