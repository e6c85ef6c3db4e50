package io.squall.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tuning cache: one JSON file per machine, {@code tuning-<hardware signature>.json} in
 * {@code squall.tune.cache-dir} (default {@code ~/.cache/squall}, or {@code $SQUALL_CACHE_DIR}),
 * holding the machine's signature and one {@link Tuning} per model and parameters (costs differ
 * per model). Written atomically.
 */
final class TuningCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final HardwareSignature signature;

  TuningCache(Path dir, HardwareSignature signature) {
    this.file = dir.resolve("tuning-" + signature.hash() + ".json");
    this.signature = signature;
  }

  /** A damaged cache file. */
  static final class CorruptCacheException extends RuntimeException {
    CorruptCacheException(String message) {
      super(message);
    }
  }

  /** The cache file of this machine. */
  Path file() {
    return file;
  }

  /**
   * The tuning of {@code model}, if cached.
   *
   * @throws CorruptCacheException naming the file when it cannot be read as a cache
   */
  Optional<Tuning> lookup(ModelSpec model) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode entry = read().path("models").path(model.describe());
    if (entry.isMissingNode()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.treeToValue(entry, Tuning.class));
    } catch (JsonProcessingException e) {
      throw corrupt("its entry for " + model.describe() + " is not a tuning: " + e.getOriginalMessage());
    }
  }

  /** Stores {@code tuning} for {@code model}, keeping the other models' entries (a corrupt file is replaced). */
  void store(ModelSpec model, Tuning tuning) throws IOException {
    ObjectNode root;
    try {
      root = Files.exists(file) ? read() : JSON.createObjectNode();
    } catch (CorruptCacheException e) {
      root = JSON.createObjectNode();
    }
    root.set("signature", JSON.valueToTree(signature));
    ObjectNode models = root.has("models") ? (ObjectNode) root.get("models") : root.putObject("models");
    models.set(model.describe(), JSON.valueToTree(tuning));
    Files.createDirectories(file.toAbsolutePath().getParent());
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    AtomicFiles.write(file, out -> out.write(text + "\n"));
  }

  /** Deletes the cache file (all models of this machine). */
  void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  private ObjectNode read() {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.isObject() || (root.has("models") && !root.get("models").isObject())) {
        throw corrupt("not a JSON object with a 'models' object");
      }
      return (ObjectNode) root;
    } catch (JsonProcessingException e) {
      throw corrupt("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw corrupt(ModelResolver.describe(e));
    }
  }

  private CorruptCacheException corrupt(String why) {
    return new CorruptCacheException("tuning cache '" + file + "' is unreadable (" + why + ")");
  }
}
