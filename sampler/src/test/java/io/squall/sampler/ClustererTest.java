package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class ClustererTest {
  /** Weighted points; {@code blob[i]} says which blob point i was drawn from. */
  record Sample(double[][] points, double[] weights, int[] blob) {}

  /** n points from each centre (isotropic normal, sd), with weight {@code blobWeights[b]} each. */
  static Sample blobs(long seed, int n, double sd, double[][] centres, double[] blobWeights) {
    UniformRandomProvider rng = RandomStreams.create(seed, RandomStreams.Purpose.PRIOR);
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    int total = n * centres.length;
    double[][] points = new double[total][];
    double[] weights = new double[total];
    int[] blob = new int[total];
    for (int i = 0; i < total; i++) {
      blob[i] = i % centres.length;
      double[] x = centres[blob[i]].clone();
      for (int j = 0; j < x.length; j++) {
        x[j] += sd * normal.sample();
      }
      points[i] = x;
      weights[i] = blobWeights[blob[i]];
    }
    return new Sample(points, weights, blob);
  }

  static UniformRandomProvider stream(long seed) {
    return RandomStreams.create(seed, RandomStreams.Purpose.CLUSTER);
  }

  static void assertLabelsValid(Clusterer.Clustering c, int n) {
    assertEquals(n, c.labels().length);
    for (int label : c.labels()) {
      assertTrue(label >= 0 && label < c.mixture().size(), "label " + label + " of " + c.mixture().size());
    }
  }

  @Test
  void twoSeparatedWeightedBlobsGiveTwoModesWithTheirWeightsAndMeans() {
    // 300 points each; blob B's points weigh 3 times more: weight shares 1/4 and 3/4.
    Sample s = blobs(1, 300, 0.03, new double[][] {{0.25, 0.3}, {0.7, 0.75}}, new double[] {1, 3});
    Clusterer.Clustering c = Clusterer.fit(s.points(), s.weights(), stream(1));
    assertEquals(2, c.mixture().size());
    int a = c.mixture().mostResponsible(new double[] {0.25, 0.3});
    int b = 1 - a;
    assertEquals(0.25, c.mixture().weight(a), 1e-6);
    assertEquals(0.75, c.mixture().weight(b), 1e-6);
    assertEquals(0.25, c.mixture().component(a).mean(0), 0.01);
    assertEquals(0.70, c.mixture().component(b).mean(0), 0.01);
    assertEquals(0.75, c.mixture().component(b).mean(1), 0.01);
    for (int i = 0; i < s.points().length; i++) {
      assertEquals(s.blob()[i] == 0 ? a : b, c.labels()[i]);
    }
  }

  @Test
  void oneGaussianStaysOneMode() {
    Sample s = blobs(2, 2000, 0.1, new double[][] {{0.5, 0.5, 0.5}}, new double[] {1});
    Clusterer.Clustering c = Clusterer.fit(s.points(), s.weights(), stream(2));
    assertEquals(1, c.mixture().size());
    assertLabelsValid(c, s.points().length);
  }

  /** A ring is fitted better by several Gaussians, but they overlap: one connected mode. */
  @Test
  void aRingIsOneConnectedMode() {
    UniformRandomProvider rng = RandomStreams.create(3, RandomStreams.Purpose.PRIOR);
    double[][] points = new double[1500][];
    for (int i = 0; i < points.length; i++) {
      double angle = 2 * Math.PI * rng.nextDouble();
      double radius = 0.3 + 0.01 * (rng.nextDouble() - 0.5);
      points[i] = new double[] {0.5 + radius * Math.cos(angle), 0.5 + radius * Math.sin(angle)};
    }
    double[] weights = new double[points.length];
    Arrays.fill(weights, 1.0);
    assertEquals(1, Clusterer.fit(points, weights, stream(3)).mixture().size());
  }

  /**
   * Nine separated modes on a lattice (rows of collinear peaks need the peel split): every mode
   * gets a component centred on it, and every component sits on a mode (growth may leave two
   * overlapping components on one mode, which only costs time).
   */
  @Test
  void aLatticeOfNineModesIsResolved() {
    double[][] centres = new double[9][];
    for (int k = 0; k < 9; k++) {
      centres[k] = new double[] {0.2 + 0.3 * (k % 3), 0.2 + 0.3 * (k / 3)};
    }
    double[] weights = new double[9];
    Arrays.fill(weights, 1.0);
    Sample s = blobs(4, 100, 0.01, centres, weights);
    Clusterer.Clustering c = Clusterer.fit(s.points(), s.weights(), stream(4));
    assertTrue(c.mixture().size() >= 9 && c.mixture().size() <= 18, "modes: " + c.mixture().size());
    for (double[] centre : centres) {
      Mode nearest = c.mixture().component(c.mixture().mostResponsible(centre));
      assertEquals(centre[0], nearest.mean(0), 0.015);
      assertEquals(centre[1], nearest.mean(1), 0.015);
    }
    for (int k = 0; k < c.mixture().size(); k++) {
      double[] mean = c.mixture().component(k).mean();
      assertTrue(Arrays.stream(centres).anyMatch(x -> Math.hypot(x[0] - mean[0], x[1] - mean[1]) < 0.015),
          "component at " + Arrays.toString(mean));
    }
  }

  /** Copies of one point (walkers that never moved): one degenerate cluster, no crash. */
  @Test
  void identicalPointsGiveOneValidMode() {
    double[][] points = new double[50][];
    Arrays.fill(points, new double[] {0.011624070890694616, 0.7942924851725768});
    double[] weights = new double[50];
    Arrays.fill(weights, 1.0);
    Clusterer.Clustering c = Clusterer.fit(points, weights, stream(5));
    assertEquals(1, c.mixture().size());
    assertLabelsValid(c, 50);
    assertTrue(Double.isFinite(c.mixture().logDensity(points[0])));
  }

  /**
   * Two blobs plus a few far points whose weight is negligible, and duplicates of blob points:
   * a component started on the far points empties during EM and is dropped, and the labels
   * index the modes that remain.
   */
  @Test
  void aClusterThatEndsEmptyIsDroppedAndLabelsStayValid() {
    Sample s = blobs(6, 200, 0.02, new double[][] {{0.3, 0.3}, {0.7, 0.7}}, new double[] {1, 1});
    double[][] points = Arrays.copyOf(s.points(), s.points().length + 13);
    double[] weights = Arrays.copyOf(s.weights(), points.length);
    for (int i = s.points().length; i < points.length; i++) {
      points[i] = i % 2 == 0 ? new double[] {0.95, 0.05 + 0.001 * i / 100.0} : s.points()[i % 7];
      weights[i] = i % 2 == 0 ? 1e-9 : 1.0;
    }
    Clusterer.Clustering c = Clusterer.fit(points, weights, stream(6));
    assertEquals(2, c.mixture().size());
    assertLabelsValid(c, points.length);

    double[] normalised = Arrays.stream(weights).map(w -> w / Arrays.stream(weights).sum()).toArray();
    WeightedEm em = new WeightedEm(points, normalised, 400, new WeightedEm.Regularisation(new double[] {1e-8, 1e-8}, 3, 4), null);
    GaussianMixture start = GaussianMixture.of(new double[] {0.45, 0.45, 0.1}, new Mode[] {
        Mode.of(new double[] {0.3, 0.3}, new double[][] {{4e-4, 0}, {0, 4e-4}}),
        Mode.of(new double[] {0.7, 0.7}, new double[][] {{4e-4, 0}, {0, 4e-4}}),
        Mode.of(new double[] {0.95, 0.06}, new double[][] {{1e-6, 0}, {0, 1e-6}})});
    WeightedEm.Fit fit = em.run(start, 20);
    assertEquals(2, fit.size());
    for (double[] r : fit.responsibilities()) {
      assertEquals(2, r.length);
    }
  }

  @Test
  void sameStreamStateGivesTheSameClustering() {
    // Above MAX_POINTS distinct points, so the thinning (the only use of the stream) is exercised.
    Sample s = blobs(7, 800, 0.03, new double[][] {{0.2, 0.5}, {0.8, 0.5}}, new double[] {1, 2});
    assertTrue(s.points().length > Clusterer.MAX_POINTS);
    Clusterer.Clustering first = Clusterer.fit(s.points(), s.weights(), stream(7));
    Clusterer.Clustering second = Clusterer.fit(s.points(), s.weights(), stream(7));
    assertArrayEquals(first.labels(), second.labels());
    assertArrayEquals(first.mixture().weights(), second.mixture().weights());
    assertEquals(2, first.mixture().size());
    assertLabelsValid(Clusterer.fit(s.points(), s.weights(), stream(8)), s.points().length);
  }

  @Test
  void bicByHand() {
    // K = 2, d = 2: p = 1 + 4 + 6 = 11.
    assertEquals(-2 * 100 * -1.5 + 11 * Math.log(100), Clusterer.bic(-1.5, 100, 2, 2), 1e-9);
  }

  @Test
  void halvesOfAGaussianHaveTheHalfNormalMoments() {
    Mode mode = Mode.of(new double[] {0, 0}, new double[][] {{4, 0}, {0, 1}});
    GaussianMixture halves = Clusterer.halves(mode);
    double offset = Math.sqrt(2 * 4 / Math.PI);
    assertEquals(offset, Math.abs(halves.component(0).mean(0)), 1e-12);
    assertEquals(-halves.component(0).mean(0), halves.component(1).mean(0), 1e-12);
    assertEquals(4 * (1 - 2 / Math.PI), Clusterer.covariance(halves.component(0))[0][0], 1e-12);
    assertEquals(1.0, Clusterer.covariance(halves.component(1))[1][1], 1e-12);
  }

  @Test
  void badWeightsAreRefused() {
    double[][] points = {{0.1, 0.2}, {0.3, 0.4}};
    assertThrows(IllegalArgumentException.class, () -> Clusterer.fit(points, new double[] {0, 0}, stream(9)));
    assertThrows(IllegalArgumentException.class, () -> Clusterer.fit(points, new double[] {1, Double.NaN}, stream(9)));
  }
}
