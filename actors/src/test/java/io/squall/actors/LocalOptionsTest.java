package io.squall.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.squall.sampler.SettingsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The options record, its validation and its HOCON keys. */
class LocalOptionsTest {
  @Test
  void referenceConfMatchesTheDefaults() {
    LocalOptions fromConfig = LocalOptions.fromConfig(ConfigFactory.load());
    assertEquals(LocalOptions.defaults(), fromConfig);
    assertEquals(Runtime.getRuntime().availableProcessors(), fromConfig.workers(), "0 = one per core");
  }

  @Test
  void configKeysOverrideTheDefaults() {
    LocalOptions options = LocalOptions.fromConfig(ConfigFactory.parseString(
        "squall.local.workers = 3\nsquall.tasks.points-per-task = 16\nsquall.tasks.stall-timeout = 30s\n"
            + "squall.tasks.max-tasks-per-worker = 1\nsquall.tasks.max-task-bytes = 64 KiB")
        .withFallback(ConfigFactory.load()));
    assertEquals(64 * 1024, options.maxTaskBytes());
    assertEquals(3, options.workers());
    assertEquals(16, options.pointsPerTask());
    assertEquals(Duration.ofSeconds(30), options.stallTimeout());
    assertEquals(1, options.maxTasksPerWorker());
  }

  @Test
  void everyProblemIsListedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> LocalOptions.builder()
        .workers(-1).maxTasksPerWorker(0).maxRetries(-1).stallTimeout(Duration.ZERO).maxTaskBytes(100).build());
    assertEquals(5, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("maxTasksPerWorker must be at least 1, got 0"), e.getMessage());
  }

  @Test
  void theBuilderRoundTrips() {
    LocalOptions options = LocalOptions.withWorkers(5).toBuilder().pointsPerTask(2).build();
    assertEquals(options, options.toBuilder().build());
    assertEquals(5, options.workers());
  }
}
