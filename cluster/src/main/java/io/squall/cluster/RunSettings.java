package io.squall.cluster;

import io.squall.actors.LocalOptions;
import io.squall.sampler.SamplerSettings;
import java.nio.file.Path;

/**
 * Everything one {@code squall run} needs, read once at start-up from the layered settings
 * (built-in defaults, {@code --config FILE}, command-line options) and validated.
 *
 * @param model the model and its parameters
 * @param sampler the sampler settings
 * @param outputDir where summary.json and samples.csv go
 * @param execution how the run is executed
 * @param local the task settings of local mode ({@code squall.tasks.*}; its worker count is
 *     {@code execution.workers()})
 * @param cluster the settings of cluster mode ({@code squall.cluster.*})
 * @param checkpoint when and where the run writes checkpoints ({@code squall.checkpoint.*})
 */
public record RunSettings(ModelSpec model, SamplerSettings sampler, Path outputDir, Execution execution,
    LocalOptions local, ClusterSettings cluster, CheckpointSettings checkpoint) {
  /** These settings, run as {@code execution}. */
  public RunSettings withExecution(Execution execution) {
    return new RunSettings(model, sampler, outputDir, execution, local, cluster, checkpoint);
  }
}
