package io.squall.cluster;

import io.squall.sampler.SamplerSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * When and where a run writes checkpoints ({@code squall.checkpoint.*}).
 *
 * @param every a checkpoint every this many iterations (warm-up prior batches included); 0 = none
 * @param file the checkpoint file, replaced atomically at every checkpoint
 */
public record CheckpointSettings(int every, Path file) {
  /** The file name used when {@code squall.checkpoint.file} is empty: in the output folder. */
  public static final String DEFAULT_FILE = "checkpoint.bin";

  /** True if the run writes checkpoints. */
  public boolean enabled() {
    return every > 0;
  }

  /**
   * Reads {@code squall.checkpoint.*}, adding every problem to {@code problems}: a negative
   * interval, a bad path, or checkpoints asked of a replicas run.
   *
   * @param outputDir the run's output folder, where the file goes by default
   * @param sampler the sampler settings (null if they are invalid)
   */
  static CheckpointSettings read(ConfigReader reader, Path outputDir, SamplerSettings sampler, List<String> problems) {
    int every = reader.getInt(SettingKeys.CHECKPOINT_EVERY, 0);
    if (every < 0) {
      problems.add(SettingKeys.CHECKPOINT_EVERY + " must be 0 (no checkpoints) or a positive number of iterations, got "
          + every);
    }
    if (every > 0 && sampler != null && sampler.replicas() > 1) {
      problems.add(SettingKeys.CHECKPOINT_EVERY + " = " + every + " cannot be used with " + SettingKeys.REPLICAS + " = "
          + sampler.replicas() + ": replicas runs are not checkpointed (run each replica seed as its own run, or "
          + "set " + SettingKeys.CHECKPOINT_EVERY + " = 0)");
    }
    String file = reader.getStringOrEmpty(SettingKeys.CHECKPOINT_FILE, "");
    try {
      Path path = file.isEmpty() ? outputDir.resolve(DEFAULT_FILE) : Path.of(file);
      return new CheckpointSettings(Math.max(0, every), path);
    } catch (InvalidPathException e) {
      problems.add(SettingKeys.CHECKPOINT_FILE + " is not a valid path: " + e.getMessage());
      return new CheckpointSettings(0, outputDir.resolve(DEFAULT_FILE));
    }
  }
}
