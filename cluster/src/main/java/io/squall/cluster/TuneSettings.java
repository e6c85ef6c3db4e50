package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.squall.sampler.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code squall.tune.*} settings of {@code squall tune} and of the tuning cache that
 * {@code squall run} reads.
 *
 * @param maxMemoryPerWorker candidates whose estimated memory per worker exceeds this are not taken
 * @param cacheDir the folder of the tuning cache files
 * @param timePerCandidate how long each candidate is measured (at least one task)
 * @param useCache whether {@code squall run} applies a cached tuning
 */
public record TuneSettings(long maxMemoryPerWorker, Path cacheDir, Duration timePerCandidate, boolean useCache) {
  static final String MAX_MEMORY = "squall.tune.max-memory-per-worker";
  static final String CACHE_DIR = "squall.tune.cache-dir";
  static final String TIME_PER_CANDIDATE = "squall.tune.time-per-candidate";
  static final String USE_CACHE = "squall.tune.use-cache";
  /** Every key of {@code squall.tune}. */
  static final List<String> KEYS = List.of(MAX_MEMORY, CACHE_DIR, TIME_PER_CANDIDATE, USE_CACHE);

  /** The settings of the defaults with {@code configFile} (already validated) over them. */
  static TuneSettings load(Optional<Path> configFile) {
    Config user = configFile.map(f -> ConfigFactory.parseFile(f.toFile())).orElse(ConfigFactory.empty());
    return read(user.withFallback(SettingsLoader.defaults()).resolve());
  }

  /** Reads the keys from a merged, resolved config. */
  static TuneSettings read(Config config) {
    try {
      long memory = config.getBytes(MAX_MEMORY);
      Duration time = config.getDuration(TIME_PER_CANDIDATE);
      String dir = config.getString(CACHE_DIR).trim();
      if (memory <= 0 || time.isNegative() || time.isZero()) {
        throw new SettingsException(List.of(MAX_MEMORY + " and " + TIME_PER_CANDIDATE
            + " must be positive, got " + memory + " bytes and " + time));
      }
      Path cache = dir.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache", "squall") : Path.of(dir);
      return new TuneSettings(memory, cache, time, config.getBoolean(USE_CACHE));
    } catch (ConfigException e) {
      throw new SettingsException(List.of(e.getMessage()));
    }
  }
}
