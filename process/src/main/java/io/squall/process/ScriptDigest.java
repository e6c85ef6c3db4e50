package io.squall.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What of a process model enters the cluster fingerprint besides its parameters: the SHA-256 of
 * every file the command names after the program (the script, relative to the working
 * directory), so that a node holding another version of the script is refused.
 */
public final class ScriptDigest {
  private ScriptDigest() {}

  /**
   * Lines {@code file.<argument>=<sha-256>} for the files named by the command of a process model
   * with {@code params}; empty for any other model or when the parameters do not parse (the model
   * itself reports those).
   */
  public static List<String> lines(String modelName, Map<String, String> params) {
    if (!ProcessSettings.MODEL_NAME.equals(modelName)) {
      return List.of();
    }
    ProcessSettings settings;
    try {
      settings = ProcessSettings.from(io.squall.sampler.ModelParameters.of(modelName, params));
    } catch (RuntimeException e) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    List<String> command = settings.command();
    for (String argument : command.subList(1, command.size())) {
      Path file = settings.workingDirectory().resolve(argument);
      if (Files.isRegularFile(file)) {
        lines.add("file." + argument + "=" + sha256(file));
      }
    }
    return lines;
  }

  /** The SHA-256 of a file in hex, or the reason it cannot be read. */
  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
