package io.squall.cluster;

import com.typesafe.config.ConfigException;
import io.squall.actors.LocalOptions;
import com.typesafe.config.Config;
import io.squall.sampler.Kernel;
import io.squall.sampler.Resampling;
import io.squall.sampler.SamplerSettings;
import io.squall.sampler.SettingsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the merged, resolved settings into a {@link RunSettings}, collecting every problem: wrong
 * types (via {@link ConfigReader}) and bad values (via {@link SamplerSettings}' own validation,
 * its field names rewritten to HOCON keys).
 */
final class SettingsReader {
  private final Config merged;
  private final ConfigReader reader;
  private final CliOverrides overrides;

  SettingsReader(Config merged, CliOverrides overrides) {
    this.merged = merged;
    this.reader = new ConfigReader(merged);
    this.overrides = overrides;
  }

  /** The settings; {@code earlierProblems} (e.g. unknown keys) are reported together with ours. */
  RunSettings read(List<String> earlierProblems) {
    ModelSpec model = model();
    List<String> problems = new ArrayList<>(earlierProblems);
    Path outputDir = outputDir(problems);
    SamplerSettings.Builder builder = samplerBuilder();
    problems.addAll(reader.problems());
    SamplerSettings sampler = build(builder, problems);
    LocalOptions local = localOptions(problems);
    ClusterSettings cluster = ClusterSettings.read(reader, merged, problems);
    CheckpointSettings checkpoint = CheckpointSettings.read(reader, outputDir, sampler, problems);
    problems.addAll(reader.problems());
    SettingsException.throwIfAny(problems.stream().distinct().toList());
    return new RunSettings(model, sampler, outputDir, overrides.execution(), local, cluster, checkpoint);
  }

  /** {@code squall.tasks.*} for local mode, with the workers of the execution (at least one). */
  private LocalOptions localOptions(List<String> problems) {
    try {
      return LocalOptions.fromConfig(merged).toBuilder()
          .workers(Math.max(1, overrides.execution().workers())).build();
    } catch (ConfigException | IllegalArgumentException e) {
      problems.add(e.getMessage());
      return LocalOptions.defaults();
    }
  }

  private Path outputDir(List<String> problems) {
    String dir = reader.getString(SettingKeys.OUTPUT_DIR, "results");
    try {
      return Path.of(dir);
    } catch (InvalidPathException e) {
      problems.add(SettingKeys.OUTPUT_DIR + " is not a valid path: " + e.getMessage());
      return Path.of("results");
    }
  }

  private ModelSpec model() {
    String name = reader.getString(SettingKeys.MODEL_NAME, "gaussian").trim();
    Map<String, String> params = new TreeMap<>(reader.getBlock(SettingKeys.MODEL_PARAMS));
    params.putAll(overrides.params());
    return new ModelSpec(name, params);
  }

  private SamplerSettings.Builder samplerBuilder() {
    SamplerSettings defaults = SamplerSettings.defaults();
    return SamplerSettings.builder()
        .activeParticles(reader.getInt(SettingKeys.ACTIVE_PARTICLES, defaults.activeParticles()))
        .effectiveParticles(reader.getInt(SettingKeys.EFFECTIVE_PARTICLES, defaults.effectiveParticles()))
        .totalSamples(reader.getInt(SettingKeys.TOTAL_SAMPLES, defaults.totalSamples()))
        .mcmcSteps(reader.getInt(SettingKeys.MCMC_STEPS, defaults.mcmcSteps()))
        .maxMcmcSteps(reader.getInt(SettingKeys.MAX_MCMC_STEPS, defaults.maxMcmcSteps()))
        .kernel(reader.getEnum(SettingKeys.KERNEL, Kernel.class, defaults.kernel()))
        .resampling(reader.getEnum(SettingKeys.RESAMPLING, Resampling.class, defaults.resampling()))
        .seed(reader.getLong(SettingKeys.SEED, defaults.seed()))
        .nanAsMinusInfinity(reader.getBoolean(SettingKeys.NAN_AS_MINUS_INFINITY,
            defaults.nanAsMinusInfinity()))
        .replicas(reader.getInt(SettingKeys.REPLICAS, defaults.replicas()))
        .clustering(reader.getBoolean(SettingKeys.CLUSTERING, defaults.clustering()));
  }

  /** Builds, adding the sampler's validation problems (with HOCON names) to {@code problems}. */
  private static SamplerSettings build(SamplerSettings.Builder builder, List<String> problems) {
    try {
      return builder.build();
    } catch (SettingsException e) {
      e.problems().forEach(p -> problems.add(SettingKeys.toHoconNames(p)));
      return null;
    }
  }
}
