package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The numbers behind the corner plot, on cases with known answers. */
class PlotNumericsTest {
  @Test
  void histogramIsAWeightedDensity() {
    double[] values = {0.1, 0.2, 0.7, 5.0};
    double[] weights = {1, 1, 2, 4}; // the last one lies outside [0, 1)
    double[] density = PlotNumerics.histogram(values, weights, 0, 1, 2);
    // bin width 0.5; total weight 8: [0, 0.5) holds 2/8, [0.5, 1) holds 2/8
    assertArrayEquals(new double[] {0.5, 0.5}, density, 1e-15);
  }

  @Test
  void histogram2dGivesEachCellItsShareOfTheWeight() {
    double[][] mass = PlotNumerics.histogram2d(new double[] {0.25, 0.75, 0.75}, new double[] {0.25, 0.25, 0.75},
        new double[] {1, 2, 5}, new double[] {0, 1}, new double[] {0, 1}, 2);
    assertArrayEquals(new double[] {0.125, 0}, mass[0], 1e-15);
    assertArrayEquals(new double[] {0.25, 0.625}, mass[1], 1e-15);
  }

  @Test
  void weightedQuantileFollowsTheWeightsNotTheCount() {
    double[] values = {1, 2, 3, 4};
    double[] weights = {0, 0, 0.1, 0.9};
    assertEquals(3, PlotNumerics.weightedQuantile(values, weights, 0.001));
    assertEquals(4, PlotNumerics.weightedQuantile(values, weights, 0.5));
    double[] range = PlotNumerics.range(values, weights);
    assertEquals(2.9, range[0], 1e-12); // [3, 4] widened by 10 %: zero-weight points do not count
    assertEquals(4.1, range[1], 1e-12);
  }

  @Test
  void rangeOfAPointMassHasWidthOne() {
    assertArrayEquals(new double[] {1.5, 2.5}, PlotNumerics.range(new double[] {2, 2}, new double[] {1, 1}), 0);
  }

  @Test
  void smoothingKeepsTheMassOfAnInteriorPeakAndSpreadsIt() {
    double[][] grid = new double[21][21];
    grid[10][10] = 1;
    double[][] smoothed = PlotNumerics.smooth(grid, 1.5);
    assertEquals(1, sum(smoothed), 1e-12);
    assertTrue(smoothed[10][10] < 0.1, "the peak is spread: " + smoothed[10][10]);
    assertEquals(smoothed[8][10], smoothed[12][10], 1e-15);
    assertEquals(smoothed[10][8], smoothed[12][10], 1e-15);
    assertEquals(1, PlotNumerics.smooth(grid, 0)[10][10]);
  }

  @Test
  void levelsEncloseTheAskedMass() {
    double[][] grid = {{0.4, 0.3}, {0.2, 0.1}};
    double[] levels = PlotNumerics.levels(grid, 0.5, 0.68, 0.95);
    // highest cells first: 0.4 (0.4), 0.3 (0.7), 0.2 (0.9), 0.1 (1.0)
    assertArrayEquals(new double[] {0.3, 0.3, 0.1}, levels, 0);
  }

  /**
   * Weighted draws of a 2-D standard normal: the 68 % and 95 % regions of the smoothed histogram
   * have contours near the radii where a 2-D normal holds that mass, √(−2 ln(1 − m)) = 1.51 and
   * 2.45. The draws are importance-weighted (uniform proposal, weights ∝ density), as a
   * sampler's pool is. Seed fixed; the tolerance (0.15) is about 3 grid cells of 0.2 plus the
   * spread of 40,000 weighted draws, so a false failure needs a different seed, not luck.
   */
  @Test
  void contoursOfAWeightedNormalSampleLieAtTheRadiiOfTheirMass() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    int n = 40_000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -5 + 10 * rng.nextDouble();
      y[i] = -5 + 10 * rng.nextDouble();
      w[i] = Math.exp(-0.5 * (x[i] * x[i] + y[i] * y[i]));
    }
    double[] range = {-4, 4};
    int bins = 40;
    double[][] grid = PlotNumerics.smooth(PlotNumerics.histogram2d(x, y, w, range, range, bins), 1.0);
    double[] centres = PlotNumerics.centres(-4, 4, bins);
    double[] levels = PlotNumerics.levels(grid, 0.68, 0.95);
    assertTrue(levels[0] > levels[1]);
    double[] expected = {Math.sqrt(-2 * Math.log(0.32)), Math.sqrt(-2 * Math.log(0.05))};
    for (int m = 0; m < 2; m++) {
      List<PlotNumerics.Segment> segments = PlotNumerics.contour(grid, centres, centres, levels[m]);
      assertFalse(segments.isEmpty());
      double meanRadius = segments.stream().mapToDouble(s -> Math.hypot(s.x1(), s.y1())).average().orElseThrow();
      assertEquals(expected[m], meanRadius, 0.15, "mass " + m);
    }
    // a sampler that ignored the weights would see a flat square and no such rings
    double[] flat = new double[n];
    Arrays.fill(flat, 1);
    double[][] wrong = PlotNumerics.smooth(PlotNumerics.histogram2d(x, y, flat, range, range, bins), 1.0);
    List<PlotNumerics.Segment> wrongRing = PlotNumerics.contour(wrong, centres, centres,
        PlotNumerics.levels(wrong, 0.68)[0]);
    double wrongRadius = wrongRing.stream().mapToDouble(s -> Math.hypot(s.x1(), s.y1())).average().orElse(0);
    assertTrue(Math.abs(wrongRadius - expected[0]) > 0.15, "unweighted draws give radius " + wrongRadius);
  }

  @Test
  void contourOfAConeIsACircleThroughTheGridCells() {
    int n = 41;
    double[] xs = PlotNumerics.centres(-2, 2, n);
    double[][] grid = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        grid[i][j] = -Math.hypot(xs[i], xs[j]);
      }
    }
    List<PlotNumerics.Segment> segments = PlotNumerics.contour(grid, xs, xs, -1.0);
    assertTrue(segments.size() > 20);
    for (PlotNumerics.Segment s : segments) {
      assertEquals(1.0, Math.hypot(s.x1(), s.y1()), 0.01);
      assertEquals(1.0, Math.hypot(s.x2(), s.y2()), 0.01);
    }
  }

  @Test
  void aSaddleCellIsSplitByItsCentreValue() {
    double[] xs = {0, 1};
    // corners (0,0) and (1,1) high, the other two low; centre mean 0.5 ≥ 0.4: the high corners connect
    double[][] grid = {{1, 0}, {0, 1}};
    List<PlotNumerics.Segment> segments = PlotNumerics.contour(grid, xs, xs, 0.4);
    assertEquals(2, segments.size());
    for (PlotNumerics.Segment s : segments) {
      // each segment cuts off one low corner: (1,0) or (0,1)
      boolean nearLowerRight = s.x1() > 0.5 && s.y2() < 0.5 || s.x2() > 0.5 && s.y1() < 0.5;
      boolean nearUpperLeft = s.x1() < 0.5 && s.y2() > 0.5 || s.x2() < 0.5 && s.y1() > 0.5;
      assertTrue(nearLowerRight || nearUpperLeft, s.toString());
    }
  }

  private static double sum(double[][] grid) {
    return Arrays.stream(grid).flatMapToDouble(Arrays::stream).sum();
  }
}
