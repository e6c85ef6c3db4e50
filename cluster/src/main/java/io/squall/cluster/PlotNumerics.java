package io.squall.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers behind the corner plot, without any drawing: the plotted range of a weighted
 * sample, weighted 1-D and 2-D histograms, a Gaussian smoothing of a 2-D histogram, the density
 * levels that enclose given posterior masses (68 % and 95 %: the highest-density cells holding that
 * mass), and the contour lines of a grid at a level (marching squares).
 */
final class PlotNumerics {
  /** A line segment from (x1, y1) to (x2, y2). */
  record Segment(double x1, double y1, double x2, double y2) {}

  private PlotNumerics() {}

  /**
   * The range to plot: the weighted 0.1 % and 99.9 % quantiles widened by 10 % on each side (a
   * width of 1 around a point mass), so that the prior's far tail, which carries almost no weight,
   * does not squeeze the posterior.
   */
  static double[] range(double[] values, double[] weights) {
    double low = weightedQuantile(values, weights, 0.001);
    double high = weightedQuantile(values, weights, 0.999);
    double pad = high > low ? 0.1 * (high - low) : 0.5;
    return new double[] {low - pad, high + pad};
  }

  /** The smallest value v with Σ weights of values ≤ v at least q × Σ weights. */
  static double weightedQuantile(double[] values, double[] weights, double q) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double total = Arrays.stream(weights).sum();
    double sum = 0;
    for (int i : order) {
      sum += weights[i];
      if (sum >= q * total && weights[i] > 0) {
        return values[i];
      }
    }
    return values[order[order.length - 1]];
  }

  /**
   * The weighted histogram of {@code values} on [low, high) in {@code bins} equal bins, as a
   * density (Σ density × bin width = the weight inside the range ÷ the total weight).
   */
  static double[] histogram(double[] values, double[] weights, double low, double high, int bins) {
    double[] density = new double[bins];
    double width = (high - low) / bins;
    double total = Arrays.stream(weights).sum();
    for (int i = 0; i < values.length; i++) {
      int b = bin(values[i], low, width, bins);
      if (b >= 0) {
        density[b] += weights[i] / (total * width);
      }
    }
    return density;
  }

  /** The weighted 2-D histogram: the share of the total weight in each cell, indexed [x bin][y bin]. */
  static double[][] histogram2d(double[] x, double[] y, double[] weights, double[] xRange, double[] yRange,
      int bins) {
    double[][] mass = new double[bins][bins];
    double xWidth = (xRange[1] - xRange[0]) / bins;
    double yWidth = (yRange[1] - yRange[0]) / bins;
    double total = Arrays.stream(weights).sum();
    for (int i = 0; i < x.length; i++) {
      int bx = bin(x[i], xRange[0], xWidth, bins);
      int by = bin(y[i], yRange[0], yWidth, bins);
      if (bx >= 0 && by >= 0) {
        mass[bx][by] += weights[i] / total;
      }
    }
    return mass;
  }

  /** The centres of {@code bins} equal bins on [low, high). */
  static double[] centres(double low, double high, int bins) {
    double[] centres = new double[bins];
    double width = (high - low) / bins;
    for (int b = 0; b < bins; b++) {
      centres[b] = low + (b + 0.5) * width;
    }
    return centres;
  }

  /**
   * {@code grid} convolved with a Gaussian of {@code sigma} cells (separable, truncated at 3σ,
   * renormalised at the edges so that mass is not lost there). σ = 0 returns a copy.
   */
  static double[][] smooth(double[][] grid, double sigma) {
    if (sigma <= 0) {
      return Arrays.stream(grid).map(double[]::clone).toArray(double[][]::new);
    }
    int radius = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * radius + 1];
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
    }
    return transpose(smoothRows(transpose(smoothRows(grid, kernel)), kernel));
  }

  private static double[][] smoothRows(double[][] grid, double[] kernel) {
    int radius = kernel.length / 2;
    double[][] out = new double[grid.length][];
    for (int i = 0; i < grid.length; i++) {
      int n = grid[i].length;
      out[i] = new double[n];
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double norm = 0;
        for (int k = Math.max(0, j - radius); k <= Math.min(n - 1, j + radius); k++) {
          sum += kernel[k - j + radius] * grid[i][k];
          norm += kernel[k - j + radius];
        }
        out[i][j] = sum / norm;
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] grid) {
    double[][] t = new double[grid[0].length][grid.length];
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        t[j][i] = grid[i][j];
      }
    }
    return t;
  }

  /**
   * For each mass m, the level t such that the cells with value ≥ t hold at least m of the grid's
   * total (the highest-density region of mass m; its contour at t encloses it). Levels come out
   * in the order of {@code masses}; larger masses give lower levels.
   */
  static double[] levels(double[][] grid, double... masses) {
    double[] cells = Arrays.stream(grid).flatMapToDouble(Arrays::stream).sorted().toArray();
    double total = Arrays.stream(cells).sum();
    double[] levels = new double[masses.length];
    for (int m = 0; m < masses.length; m++) {
      double sum = 0;
      levels[m] = cells.length == 0 ? 0 : cells[cells.length - 1];
      for (int c = cells.length - 1; c >= 0; c--) {
        sum += cells[c];
        levels[m] = cells[c];
        if (sum >= masses[m] * total) {
          break;
        }
      }
    }
    return levels;
  }

  /**
   * The contour of {@code grid} (values at the points (xs[i], ys[j])) at {@code level}, as
   * segments, by marching squares; a saddle cell is resolved by its centre value.
   */
  static List<Segment> contour(double[][] grid, double[] xs, double[] ys, double level) {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i + 1 < xs.length; i++) {
      for (int j = 0; j + 1 < ys.length; j++) {
        cell(grid, xs, ys, level, i, j, segments);
      }
    }
    return segments;
  }

  private static void cell(double[][] g, double[] xs, double[] ys, double level, int i, int j,
      List<Segment> out) {
    // corners counter-clockwise from the lower left: (i,j), (i+1,j), (i+1,j+1), (i,j+1)
    double[] v = {g[i][j], g[i + 1][j], g[i + 1][j + 1], g[i][j + 1]};
    double[] cx = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
    double[] cy = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
    List<double[]> crossings = new ArrayList<>(4);
    for (int e = 0; e < 4; e++) {
      int f = (e + 1) % 4;
      if ((v[e] >= level) != (v[f] >= level)) {
        double t = (level - v[e]) / (v[f] - v[e]);
        crossings.add(new double[] {cx[e] + t * (cx[f] - cx[e]), cy[e] + t * (cy[f] - cy[e]), e});
      }
    }
    if (crossings.size() == 2) {
      out.add(segment(crossings.get(0), crossings.get(1)));
    } else if (crossings.size() == 4) {
      boolean centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
      boolean firstCornerAbove = v[0] >= level;
      // pair the crossings so that the segments separate the corners unlike the centre
      if (centreAbove == firstCornerAbove) {
        out.add(segment(crossings.get(0), crossings.get(1)));
        out.add(segment(crossings.get(2), crossings.get(3)));
      } else {
        out.add(segment(crossings.get(3), crossings.get(0)));
        out.add(segment(crossings.get(1), crossings.get(2)));
      }
    }
  }

  private static Segment segment(double[] a, double[] b) {
    return new Segment(a[0], a[1], b[0], b[1]);
  }

  private static int bin(double value, double low, double width, int bins) {
    if (!(width > 0)) {
      return -1;
    }
    int b = (int) Math.floor((value - low) / width);
    return b >= 0 && b < bins ? b : -1;
  }
}
