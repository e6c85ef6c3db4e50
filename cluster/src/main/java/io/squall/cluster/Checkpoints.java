package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import io.squall.sampler.CheckpointFormat;
import io.squall.sampler.Model;
import io.squall.sampler.PersistentSampler;
import io.squall.sampler.SamplerCheckpoint;
import io.squall.sampler.SettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checkpoints of command-line runs ({@code squall run} and {@code squall master}): the sampler with
 * its checkpoint writer, and what a resumed run takes from, and checks against, its checkpoint.
 *
 * <p>A checkpoint records, besides the sampler's state, the model's name and parameters and the
 * settings a resumed run keeps unless they are given again: {@value SettingKeys#OUTPUT_DIR} and
 * {@code squall.checkpoint.*}. On resume every sampler setting ({@code squall.sampler.*}) and the
 * model (name, parameters, dimension, parameter names, boundaries) must be those of the checkpoint:
 * they shape the run, so a difference is refused, naming it. Everything else — workers, execution
 * mode, task settings, cluster settings, output folder, checkpoint interval and file — may change:
 * none of it changes the result.
 */
final class Checkpoints {
  private Checkpoints() {}

  /**
   * What a command starts from: its settings, its model and, when resumed, the checkpoint.
   *
   * @param settings the run's settings
   * @param model the model they name
   * @param resumed the checkpoint the run continues, if any
   */
  record Start(RunSettings settings, Model model, Optional<SamplerCheckpoint> resumed) {
    /** Prints which checkpoint the run continues, if it does. */
    void announce(Path file, PrintWriter out) {
      resumed.ifPresent(checkpoint -> out.println("resuming " + file + " after iteration " + checkpoint.iterations()
          + " (" + checkpoint.progress().likelihoodCalls() + " likelihood calls)"));
    }
  }

  /**
   * Reads the checkpoint {@code resumeFile} (null: a new run), loads the settings with {@code load}
   * over the checkpoint's {@link #layer}, resolves the model, and {@link #check}s them against the
   * checkpoint.
   *
   * @throws io.squall.sampler.CheckpointException if the file is unreadable, truncated or corrupt
   * @throws SettingsException for bad settings, or any difference from the checkpoint's
   */
  static Start start(Path resumeFile, Function<Config, RunSettings> load) {
    Optional<SamplerCheckpoint> resumed = Optional.ofNullable(resumeFile).map(CheckpointFormat::read);
    RunSettings settings = load.apply(resumed.map(Checkpoints::layer).orElse(ConfigFactory.empty()));
    Model model = ModelResolver.resolve(settings.model());
    resumed.ifPresent(checkpoint -> check(checkpoint, settings, model));
    return new Start(settings, model, resumed);
  }

  /**
   * The sampler of a run: fresh, or resumed from {@code resumed} (which must have passed
   * {@link #check}); it writes a checkpoint every {@code squall.checkpoint.every} iterations.
   */
  static PersistentSampler sampler(RunSettings settings, Model model, Optional<SamplerCheckpoint> resumed) {
    PersistentSampler sampler = resumed.map(checkpoint -> PersistentSampler.resume(model, checkpoint))
        .orElseGet(() -> PersistentSampler.create(model, settings.sampler()));
    if (settings.checkpoint().enabled()) {
      prepare(settings.checkpoint().file());
      sampler.checkpointEvery(settings.checkpoint().every(), writer(settings));
    }
    return sampler;
  }

  /** Creates the checkpoint's folder now, so that a bad folder stops the run before it starts. */
  private static void prepare(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new OutputException("cannot create the folder of checkpoint '" + file + "': "
          + ModelResolver.describe(e), e);
    }
  }

  /** Writes each checkpoint atomically to the configured file, with the run's {@link #origin}. */
  static Consumer<SamplerCheckpoint> writer(RunSettings settings) {
    Path file = settings.checkpoint().file();
    SamplerCheckpoint.Origin origin = origin(settings);
    return checkpoint -> {
      try {
        AtomicFiles.writeBytes(file, out -> CheckpointFormat.write(checkpoint.withOrigin(origin), out));
      } catch (IOException e) {
        throw new OutputException("cannot write checkpoint '" + file + "': " + ModelResolver.describe(e), e);
      }
    };
  }

  /** The model and the settings a resumed run keeps unless given again. */
  static SamplerCheckpoint.Origin origin(RunSettings settings) {
    Map<String, String> kept = new LinkedHashMap<>();
    kept.put(SettingKeys.OUTPUT_DIR, settings.outputDir().toString());
    kept.put(SettingKeys.CHECKPOINT_EVERY, Integer.toString(settings.checkpoint().every()));
    Path file = settings.checkpoint().file();
    boolean inOutput = file.equals(settings.outputDir().resolve(CheckpointSettings.DEFAULT_FILE));
    kept.put(SettingKeys.CHECKPOINT_FILE, inOutput ? "" : file.toString());
    return new SamplerCheckpoint.Origin(settings.model().name(), settings.model().params(), kept);
  }

  /**
   * The settings {@code checkpoint} recorded, as a settings layer: the model's name and parameters,
   * every sampler setting, and the settings of its {@link SamplerCheckpoint.Origin}.
   */
  static Config layer(SamplerCheckpoint checkpoint) {
    Map<String, Object> values = new LinkedHashMap<>();
    SamplerCheckpoint.Origin origin = checkpoint.origin();
    if (!origin.modelName().isEmpty()) {
      values.put(SettingKeys.MODEL_NAME, origin.modelName());
      origin.modelParameters().forEach((key, value) -> values.put(param(key), value));
    }
    SettingKeys.samplerSettingsByLeaf(checkpoint.settings())
        .forEach((leaf, value) -> values.put(SettingKeys.SAMPLER + "." + leaf, value));
    values.putAll(origin.settings());
    return ConfigFactory.parseMap(values, "the checkpoint");
  }

  /** The path of model parameter {@code key} (dotted for nested blocks), each segment quoted as needed. */
  private static String param(String key) {
    List<String> path = new ArrayList<>(ConfigUtil.splitPath(SettingKeys.MODEL_PARAMS));
    path.addAll(Arrays.asList(key.split("\\.", -1)));
    return ConfigUtil.joinPath(path);
  }

  /**
   * Refuses to resume {@code checkpoint} with {@code settings} and {@code model} if the model or
   * a sampler setting differs, naming every difference.
   *
   * @throws SettingsException listing the differences
   */
  static void check(SamplerCheckpoint checkpoint, RunSettings settings, Model model) {
    List<String> problems = new ArrayList<>();
    SamplerCheckpoint.Origin origin = checkpoint.origin();
    ModelSpec written = new ModelSpec(origin.modelName(), origin.modelParameters());
    if (!origin.modelName().isEmpty() && !written.equals(settings.model())) {
      problems.add("the checkpoint was written for model '" + written.describe() + "' (dimension "
          + checkpoint.dimension() + "), the settings name '" + settings.model().describe() + "' (dimension "
          + model.dimension() + ")");
    } else {
      String named = "model '" + settings.model().describe() + "': ";
      checkpoint.modelDifferences(model).forEach(difference -> problems.add(named + difference));
    }
    Map<String, Object> was = SettingKeys.samplerSettingsByLeaf(checkpoint.settings());
    Map<String, Object> is = SettingKeys.samplerSettingsByLeaf(settings.sampler());
    for (Map.Entry<String, Object> e : was.entrySet()) {
      if (!e.getValue().equals(is.get(e.getKey()))) {
        problems.add(SettingKeys.SAMPLER + "." + e.getKey() + " is " + is.get(e.getKey())
            + " but the checkpoint was written with " + e.getValue() + " (sampler settings cannot change on resume)");
      }
    }
    SettingsException.throwIfAny(problems);
  }
}
