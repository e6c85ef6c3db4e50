package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code squall tune} and the tuning cache, in this JVM with the cache in a temporary folder
 * ({@code squall.tune.cache-dir}): tune writes the cache, a following run says it used it (log line
 * and summary.json), a second tune reads it, {@code --retune} measures again, the memory limit is
 * respected, and a damaged cache is reported and measured again (tune) or ignored (run).
 */
class TuneCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path config;
  private Path cacheFile;

  @BeforeEach
  void setUp() {
    config = TestFiles.smallConfig(dir, "squall.model { name = gaussian, params { dim = 2 } }",
        "squall.tune { cache-dir = \"" + dir.resolve("cache") + "\", time-per-candidate = 50ms }",
        "squall.output.dir = \"" + dir.resolve("out") + "\"");
    cacheFile = dir.resolve("cache").resolve("tuning-" + HardwareSignature.current().hash() + ".json");
  }

  private static CliRun squall(String... args) {
    return CliRun.squall(args);
  }

  private JsonNode cachedEntry() throws IOException {
    return JSON.readTree(cacheFile.toFile()).path("models").path("gaussian {dim=2}");
  }

  @Test
  void tuneWritesTheCacheAndAFollowingRunUsesIt() throws IOException {
    CliRun tune = squall("tune", "--config", config.toString());
    assertEquals(0, tune.exitCode(), tune.err());
    assertTrue(tune.out().contains("wrote " + cacheFile), tune.out());
    JsonNode entry = cachedEntry();
    int workers = entry.get("workers").asInt();
    assertTrue(workers >= 1 && workers <= Runtime.getRuntime().availableProcessors(), entry.toString());
    assertTrue(entry.get("pointsPerTask").asInt() >= 1, entry.toString());
    assertEquals(HardwareSignature.current().cores(), JSON.readTree(cacheFile.toFile()).path("signature").path("cores").asInt());

    CliRun run = squall("run", "--config", config.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("tuning: using " + cacheFile), run.out());
    JsonNode summary = JSON.readTree(dir.resolve("out").resolve("summary.json").toFile());
    assertEquals(cacheFile.toString(), summary.path("tuning").path("file").asText());
    assertEquals(workers, summary.get("workers").asInt());
    assertEquals(entry.get("pointsPerTask").asInt(), summary.path("tuning").path("pointsPerTask").asInt());

    CliRun again = squall("tune", "--config", config.toString());
    assertTrue(again.out().contains("cached tuning in " + cacheFile), again.out());
  }

  @Test
  void explicitWorkersWinAndSequentialRunsUseNoTuning() throws IOException {
    assertEquals(0, squall("tune", "--config", config.toString()).exitCode());
    CliRun sequential = squall("run", "--config", config.toString(), "--workers", "0");
    assertFalse(sequential.out().contains("tuning:"), sequential.out());
    assertTrue(JSON.readTree(dir.resolve("out").resolve("summary.json").toFile()).path("tuning").isMissingNode());
    CliRun three = squall("run", "--config", config.toString(), "--workers", "3");
    assertTrue(three.out().contains("tuning: using"), three.out());
    assertEquals(3, JSON.readTree(dir.resolve("out").resolve("summary.json").toFile()).get("workers").asInt());
  }

  @Test
  void retuneClearsAndMeasuresAgain() throws IOException {
    assertEquals(0, squall("tune", "--config", config.toString()).exitCode());
    String first = cachedEntry().get("measuredAt").asText();
    CliRun retune = squall("tune", "--config", config.toString(), "--retune");
    assertEquals(0, retune.exitCode(), retune.err());
    assertTrue(retune.out().contains("cleared " + cacheFile), retune.out());
    assertTrue(retune.out().contains("wrote " + cacheFile), retune.out());
    assertFalse(first.equals(cachedEntry().get("measuredAt").asText()));
  }

  @Test
  void maxMemoryPerWorkerIsRespected() throws IOException {
    Path limited = TestFiles.write(dir, "limited.conf", Files.readString(config)
        + "squall.tune.max-memory-per-worker = 2 KiB\n");
    CliRun tune = squall("tune", "--config", limited.toString());
    assertEquals(0, tune.exitCode(), tune.err());
    JsonNode entry = cachedEntry();
    assertTrue(entry.get("memoryPerWorkerBytes").asLong() <= 2048, entry.toString());
    assertTrue(entry.get("pointsPerTask").asLong() * entry.get("bytesPerPoint").asLong() <= 2048, entry.toString());

    Path tiny = TestFiles.write(dir, "tiny.conf", Files.readString(config)
        + "squall.tune.max-memory-per-worker = 1\n");
    CliRun refused = squall("tune", "--config", tiny.toString(), "--retune");
    assertEquals(2, refused.exitCode(), refused.out());
    assertTrue(refused.err().contains("squall.tune.max-memory-per-worker = 1 bytes is less than one point"),
        refused.err());
  }

  @Test
  void aCorruptCacheIsReportedAndMeasuredAgain() throws IOException {
    Files.createDirectories(cacheFile.getParent());
    Files.writeString(cacheFile, "{ this is not json");
    CliRun run = squall("run", "--config", config.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("warning: tuning cache '" + cacheFile + "' is unreadable (not valid JSON"),
        run.out());
    CliRun tune = squall("tune", "--config", config.toString());
    assertEquals(0, tune.exitCode(), tune.err());
    assertTrue(tune.out().contains("is unreadable"), tune.out());
    assertTrue(tune.out().contains("measuring again"), tune.out());
    assertTrue(cachedEntry().has("workers"));
  }

  @Test
  void aWorkerNodeTakesTheCachedWorkersPerNode() throws IOException {
    assertEquals(0, squall("tune", "--config", config.toString()).exitCode());
    RunSettings settings = SettingsLoader.load(java.util.Optional.of(config), CliOverrides.none());
    java.io.StringWriter log = new java.io.StringWriter();
    java.util.Optional<Integer> workers = AppliedTuning.workersPerNode(settings,
        TuneSettings.load(java.util.Optional.of(config)), new java.io.PrintWriter(log, true));
    assertEquals(java.util.Optional.of(cachedEntry().get("workers").asInt()), workers);
    assertTrue(log.toString().contains("worker actors on this node"), log.toString());
  }

  @Test
  void anotherModelHasItsOwnEntry() throws IOException {
    assertEquals(0, squall("tune", "--config", config.toString()).exitCode());
    CliRun other = squall("run", "--config", config.toString(), "--param", "dim=3");
    assertEquals(0, other.exitCode(), other.err());
    assertFalse(other.out().contains("tuning:"), other.out());
  }
}
