package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PNG plots of a run: written by every mode unless --no-plots, decodable, of the planned
 * sizes, and not blank. (Whether they show the right thing was checked by looking at them; see
 * docs/outputs.md.)
 */
class OutputFilesTest {
  private static final List<String> PLOTS = List.of(RunPlots.CORNER, RunPlots.DIAGNOSTICS, RunPlots.UTILISATION);

  @TempDir Path dir;

  private Path run(String... extra) {
    Path out = dir.resolve("r" + extra.length + String.join("", extra).hashCode());
    List<String> args = new ArrayList<>(List.of("run", "--config", TestFiles.smallConfig(dir).toString(),
        "--out", out.toString(), "--quiet"));
    args.addAll(List.of(extra));
    int code = SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .execute(args.toArray(String[]::new));
    assertEquals(0, code);
    return out;
  }

  private static BufferedImage image(Path file) throws IOException {
    assertTrue(Files.exists(file), file + " missing");
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " is not a PNG ImageIO can read");
    return image;
  }

  @Test
  void sequentialRunOfShellsWritesThreeReadablePlots() throws IOException {
    Path out = run("--model", "shells", "--workers", "0");
    BufferedImage corner = image(out.resolve(RunPlots.CORNER));
    assertEquals(2 * 400, corner.getWidth()); // 2 parameters, 400-pixel panels
    assertEquals(2 * 400 + 40, corner.getHeight());
    BufferedImage diagnostics = image(out.resolve(RunPlots.DIAGNOSTICS));
    assertEquals(900, diagnostics.getWidth());
    assertEquals(3 * 260, diagnostics.getHeight());
    BufferedImage utilisation = image(out.resolve(RunPlots.UTILISATION));
    assertEquals(900, utilisation.getWidth());
    assertEquals(400, utilisation.getHeight());
    for (BufferedImage image : List.of(corner, diagnostics, utilisation)) {
      assertTrue(colours(image) > 3, "a plot with lines, not a blank image");
    }
  }

  @Test
  void aLargeModelShowsItsFirstEightParametersInTheCorner() throws IOException {
    Path out = run("--model", "gaussian", "--param", "dim=9", "--workers", "2");
    BufferedImage corner = image(out.resolve(RunPlots.CORNER));
    assertEquals(RunPlots.MAX_CORNER_PARAMETERS * 260, corner.getWidth());
    for (String plot : PLOTS) {
      image(out.resolve(plot));
    }
  }

  @Test
  void noPlotsWritesNone() {
    Path out = run("--model", "shells", "--workers", "0", "--no-plots");
    for (String plot : PLOTS) {
      assertFalse(Files.exists(out.resolve(plot)), plot);
    }
    assertTrue(Files.exists(out.resolve(ResultsWriter.SUMMARY)));
  }

  /** Distinct colours among a grid of pixels (a blank image has one). */
  private static long colours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, 200 * 200)
        .map(k -> image.getRGB(k % 200 * image.getWidth() / 200, k / 200 * image.getHeight() / 200))
        .distinct().count();
  }
}
