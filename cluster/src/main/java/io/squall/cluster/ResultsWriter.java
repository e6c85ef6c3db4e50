package io.squall.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's results folder: samples.csv, the NumPy files ({@link NpyOutputs}), then
 * summary.json, each atomically. The files and every summary key are described in
 * docs/outputs.md.
 */
public final class ResultsWriter {
  /** The summary file name. */
  public static final String SUMMARY = "summary.json";
  /** The samples file name. */
  public static final String SAMPLES = "samples.csv";

  private ResultsWriter() {}

  /** Creates {@code dir} if missing, so a long run does not fail only at the end. */
  public static void prepare(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new OutputException("cannot create output folder '" + dir + "': " + ModelResolver.describe(e), e);
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException("output folder '" + dir + "' is not writable", null);
    }
  }

  /** Writes the results of {@code outcome} into its output folder. */
  public static void write(RunOutcome outcome) {
    Path dir = outcome.settings().outputDir();
    prepare(dir);
    write(dir.resolve(SAMPLES), out -> SamplesCsv.write(outcome.result().posterior(), out));
    NpyOutputs.files(outcome.result().posterior()).forEach((name, bytes) -> writeBytes(dir.resolve(name), bytes));
    write(dir.resolve(SUMMARY), out -> SummaryJson.write(outcome, out));
  }

  private static void writeBytes(Path file, AtomicFiles.Bytes content) {
    try {
      AtomicFiles.writeBytes(file, content);
    } catch (IOException e) {
      throw new OutputException("cannot write '" + file + "': " + ModelResolver.describe(e), e);
    }
  }

  private static void write(Path file, AtomicFiles.Content content) {
    try {
      AtomicFiles.write(file, content);
    } catch (IOException e) {
      throw new OutputException("cannot write '" + file + "': " + ModelResolver.describe(e), e);
    }
  }
}
