package io.squall.cluster;

import picocli.CommandLine.Option;

/**
 * The display options of {@code squall run} and {@code squall master}: {@code --quiet} (no
 * progress bar or progress lines) and {@code --no-plots} (no PNG files).
 */
final class OutputOptions {
  @Option(names = {"-q", "--quiet"},
      description = "No progress: neither the live bar (on a terminal) nor the one log line per iteration (elsewhere).")
  boolean quiet;

  @Option(names = {"--no-plots"},
      description = "Do not write corner.png, diagnostics.png and utilisation.png.")
  boolean noPlots;

  /** The progress follower of a run that ends at {@code totalSamples}. */
  RunProgress progress(int totalSamples) {
    return new RunProgress(ProgressDisplay.choose(quiet, totalSamples));
  }
}
