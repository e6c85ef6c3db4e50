package io.squall.cluster;

import io.squall.actors.WorkerActivity;
import io.squall.sampler.IterationDiagnostics;
import io.squall.sampler.Posterior;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.LoggerFactory;

/**
 * The PNG plots of a run (XChart, drawn headless): {@value #CORNER} (the weighted posterior: 1-D
 * histograms on the diagonal, 68 % and 95 % contours of each pair below it; the first
 * {@value #MAX_CORNER_PARAMETERS} parameters of a larger model), {@value #DIAGNOSTICS} (β, ESS and
 * log Ẑ per iteration) and {@value #UTILISATION} (busy workers over wall time). The numbers come
 * from {@link PlotNumerics}.
 */
final class RunPlots {
  static final String CORNER = "corner.png";
  static final String DIAGNOSTICS = "diagnostics.png";
  static final String UTILISATION = "utilisation.png";
  /** Larger models show their first parameters only (the plot would be unreadable). */
  static final int MAX_CORNER_PARAMETERS = 8;

  private static final int HISTOGRAM_BINS = 40;
  private static final int CONTOUR_BINS = 40;
  private static final double SMOOTHING_CELLS = 1.0;
  private static final double[] MASSES = {0.68, 0.95};
  private static final Color[] CONTOUR_COLOURS = {new Color(0x08, 0x30, 0x6b), new Color(0x6b, 0xae, 0xd6)};
  private static final Color LINE = new Color(0x21, 0x66, 0xac);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private RunPlots() {}

  /** Writes the three plots into the output folder unless {@code skip}; a failure is a warning only. */
  static void writeUnless(boolean skip, RunOutcome outcome, RunProgress progress) {
    if (skip) {
      return;
    }
    try {
      write(outcome.settings().outputDir(), outcome, progress);
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(RunPlots.class).warn("the plots could not be written: {}", ModelResolver.describe(e));
    }
  }

  /** Writes the three plots into {@code dir}. */
  static void write(Path dir, RunOutcome outcome, RunProgress progress) throws IOException {
    save(corner(outcome.result().posterior()), dir.resolve(CORNER));
    save(diagnostics(outcome.result().diagnostics(), outcome.knownLogEvidence().isPresent()
        ? outcome.knownLogEvidence().getAsDouble() : Double.NaN), dir.resolve(DIAGNOSTICS));
    save(utilisation(outcome, progress), dir.resolve(UTILISATION));
  }

  private static void save(BufferedImage image, Path file) throws IOException {
    AtomicFiles.writeBytes(file, out -> ImageIO.write(image, "png", out));
  }

  /** The corner plot of the weighted posterior. */
  static BufferedImage corner(Posterior posterior) {
    int k = Math.min(posterior.dimension(), MAX_CORNER_PARAMETERS);
    int panel = k <= 2 ? 400 : k <= 4 ? 320 : 260;
    int top = 40;
    double[] weights = posterior.weights();
    double[][] columns = new double[k][];
    double[][] ranges = new double[k][];
    for (int j = 0; j < k; j++) {
      columns[j] = column(posterior, j);
      ranges[j] = PlotNumerics.range(columns[j], weights);
    }
    BufferedImage image = canvas(k * panel, k * panel + top);
    Graphics2D g = image.createGraphics();
    title(g, cornerTitle(posterior, k), 12, 26);
    for (int row = 0; row < k; row++) {
      for (int col = 0; col <= row; col++) {
        XYChart chart = row == col
            ? histogramPanel(columns[col], weights, ranges[col], posterior.parameterNames().get(col), panel)
            : contourPanel(columns[col], columns[row], weights, ranges[col], ranges[row], panel);
        chart.setXAxisTitle(row == k - 1 ? posterior.parameterNames().get(col) : "");
        chart.setYAxisTitle(col == 0 && row > 0 ? posterior.parameterNames().get(row) : "");
        g.drawImage(BitmapEncoder.getBufferedImage(chart), col * panel, top + row * panel, null);
      }
    }
    g.dispose();
    return image;
  }

  private static String cornerTitle(Posterior posterior, int k) {
    String shown = k < posterior.dimension()
        ? " — the first " + k + " of " + posterior.dimension() + " parameters" : "";
    return "Posterior (weighted): 1-D histograms; 68 % (dark) and 95 % (light) contours" + shown;
  }

  private static double[] column(Posterior posterior, int j) {
    double[] values = new double[posterior.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = posterior.theta(i, j);
    }
    return values;
  }

  private static XYChart histogramPanel(double[] values, double[] weights, double[] range, String name, int size) {
    double[] density = PlotNumerics.histogram(values, weights, range[0], range[1], HISTOGRAM_BINS);
    double width = (range[1] - range[0]) / HISTOGRAM_BINS;
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int b = 0; b < HISTOGRAM_BINS; b++) {
      x.add(range[0] + b * width);
      y.add(density[b]);
      x.add(range[0] + (b + 1) * width);
      y.add(density[b]);
    }
    XYChart chart = panelChart(size, range);
    chart.setTitle(name);
    chart.getStyler().setChartTitleVisible(true);
    chart.getStyler().setYAxisTicksVisible(false);
    line(chart.addSeries("density", x, y), LINE, 1.5f);
    return chart;
  }

  private static XYChart contourPanel(double[] x, double[] y, double[] weights, double[] xRange, double[] yRange,
      int size) {
    double[][] grid = PlotNumerics.smooth(PlotNumerics.histogram2d(x, y, weights, xRange, yRange, CONTOUR_BINS),
        SMOOTHING_CELLS);
    double[] xs = PlotNumerics.centres(xRange[0], xRange[1], CONTOUR_BINS);
    double[] ys = PlotNumerics.centres(yRange[0], yRange[1], CONTOUR_BINS);
    double[] levels = PlotNumerics.levels(grid, MASSES);
    XYChart chart = panelChart(size, xRange);
    chart.getStyler().setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
    for (int m = levels.length - 1; m >= 0; m--) {
      List<Double> px = new ArrayList<>();
      List<Double> py = new ArrayList<>();
      for (PlotNumerics.Segment s : PlotNumerics.contour(grid, xs, ys, levels[m])) {
        px.add(s.x1());
        py.add(s.y1());
        px.add(s.x2());
        py.add(s.y2());
        px.add(s.x2());
        py.add(null); // a gap between segments
      }
      if (px.isEmpty()) {
        continue;
      }
      line(chart.addSeries(Math.round(100 * MASSES[m]) + "%", px, py), CONTOUR_COLOURS[m], 1.8f);
    }
    return chart;
  }

  private static XYChart panelChart(int size, double[] xRange) {
    XYChart chart = new XYChartBuilder().width(size).height(size).build();
    chart.getStyler().setLegendVisible(false).setChartTitleVisible(false).setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE).setChartPadding(6).setAntiAlias(true).setYAxisLeftWidthHint(34);
    chart.getStyler().setXAxisDecimalPattern("0.##").setYAxisDecimalPattern("0.##");
    chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setPlotGridLinesVisible(false)
        .setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10))
        .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13))
        .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    return chart;
  }

  private static void line(XYSeries series, Color colour, float width) {
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(colour);
    series.setLineStyle(new BasicStroke(width));
  }

  /** β, ESS and log Ẑ per iteration, one panel each; the known log Z as a dashed line if known. */
  static BufferedImage diagnostics(List<IterationDiagnostics> diagnostics, double knownLogEvidence) {
    int width = 900;
    int height = 260;
    List<Double> it = new ArrayList<>();
    List<Double> beta = new ArrayList<>();
    List<Double> ess = new ArrayList<>();
    List<Double> logZ = new ArrayList<>();
    for (IterationDiagnostics d : diagnostics) {
      it.add((double) d.iteration());
      beta.add(d.beta());
      ess.add(d.effectiveSampleSize());
      logZ.add(Double.isFinite(d.logEvidence()) ? d.logEvidence() : null);
    }
    List<XYChart> charts = List.of(
        seriesChart("β (inverse temperature)", "iteration", "β", it, beta, width, height),
        seriesChart("effective sample size of the pool at β", "iteration", "ESS", it, ess, width, height),
        seriesChart("log Ẑ(β)", "iteration", "log Ẑ", it, logZ, width, height));
    if (Double.isFinite(knownLogEvidence) && !it.isEmpty()) {
      XYSeries known = charts.get(2).addSeries("known log Z", List.of(it.get(0), it.get(it.size() - 1)),
          List.of(knownLogEvidence, knownLogEvidence));
      line(known, Color.GRAY, 1.2f);
      known.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
      charts.get(2).getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.InsideNE);
    }
    return stack(charts, width, height);
  }

  /** Busy workers over wall time: per batch in parallel modes, the one thread in sequential mode. */
  static BufferedImage utilisation(RunOutcome outcome, RunProgress progress) {
    List<Double> t = new ArrayList<>();
    List<Double> busy = new ArrayList<>();
    List<WorkerActivity> activity = progress.activity();
    String title;
    int workers;
    if (!activity.isEmpty()) {
      WorkerActivity previous = new WorkerActivity(0, 0, 0);
      for (WorkerActivity a : activity) {
        double b = a.busyWorkersSince(previous);
        if (!Double.isNaN(b)) {
          t.add(previous.wallSeconds());
          busy.add(b);
          t.add(a.wallSeconds());
          busy.add(b);
        }
        previous = a;
      }
      workers = activity.get(activity.size() - 1).workers();
      title = String.format(Locale.ROOT, "busy workers (mean over each batch), %s mode, %d workers%s",
          outcome.settings().execution().mode().label(), workers, efficiency(outcome));
    } else {
      double end = progress.iterations().isEmpty() ? outcome.wallSeconds()
          : progress.iterations().get(progress.iterations().size() - 1).wallSeconds();
      workers = 1;
      t.addAll(List.of(0.0, end));
      double level = outcome.stats().map(s -> s.busySeconds() / Math.max(s.wallSeconds(), 1e-9)).orElse(1.0);
      busy.addAll(List.of(level, level));
      title = outcome.stats().isPresent() ? "busy workers (mean over the run; no per-batch record for replicas)"
          : "sequential mode: the calling thread evaluates every point";
      workers = outcome.stats().map(s -> s.workers()).orElse(1);
    }
    XYChart chart = seriesChart(title, "wall time [s]", "busy workers", t, busy, 900, 400);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(workers * 1.1);
    XYSeries all = chart.addSeries("workers", List.of(t.get(0), t.get(t.size() - 1)),
        List.of((double) workers, (double) workers));
    line(all, Color.GRAY, 1.2f);
    chart.getStyler().setLegendVisible(true).setLegendPosition(Styler.LegendPosition.OutsideS);
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static String efficiency(RunOutcome outcome) {
    return outcome.stats().filter(s -> Double.isFinite(s.parallelEfficiency()))
        .map(s -> String.format(Locale.ROOT, ", parallel efficiency %.2f", s.parallelEfficiency())).orElse("");
  }

  private static XYChart seriesChart(String title, String xTitle, String yTitle, List<Double> x, List<Double> y,
      int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE).setAntiAlias(true)
        .setPlotBackgroundColor(Color.WHITE).setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setXAxisDecimalPattern("0.##");
    line(chart.addSeries(yTitle, x.isEmpty() ? List.of(0.0) : x, y.isEmpty() ? List.of(0.0) : y), LINE, 2f);
    return chart;
  }

  private static BufferedImage stack(List<XYChart> charts, int width, int height) {
    BufferedImage image = canvas(width, height * charts.size());
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < charts.size(); i++) {
      g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), 0, i * height, null);
    }
    g.dispose();
    return image;
  }

  private static BufferedImage canvas(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static void title(Graphics2D g, String text, int x, int y) {
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(text, x, y);
  }
}
