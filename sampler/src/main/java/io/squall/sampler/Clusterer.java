package io.squall.sampler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Weighted Gaussian-mixture clustering of the trimmed pool, grown by splitting: the "train" step's
 * answer to multimodal targets (Karamanis &amp; Seljak, Persistent Sampling, 2025).
 *
 * <p><b>Growth.</b> Start from one Gaussian (the weighted mean and covariance). Then take the
 * components in decreasing order of weighted spread πₖ·λₖ (λₖ the largest eigenvalue of Cₖ) and
 * try to split one in two, first into its two halves across the principal axis v,
 *
 * <pre>  μ± = μₖ ± √(2λₖ/π)·v,   C± = Cₖ − (2/π)·λₖ·v·vᵀ   (the halves of a Gaussian cut at μₖ),</pre>
 *
 * then, if that fails, by peeling a narrow component (Cₖ/16) off at its heaviest member (halving
 * cannot separate peaks on a line: one Gaussian over four collinear peaks explains them about as
 * well as two over two each). The pair is fitted by weighted EM ({@link WeightedEm}) on the
 * component's own members (weights wᵢ·rᵢₖ), the rest of the mixture held fixed, and the split is
 * kept when the Bayesian information criterion of the whole mixture falls by more than
 * {@link #SPLIT_THRESHOLD}:
 *
 * <pre>
 *   BIC = −2·n_eff·ℓ + p·ln n_eff,   ℓ = Σᵢ wᵢ log g(xᵢ),   n_eff = 1 / Σᵢ wᵢ²,
 *   p   = (K − 1) + K·d + K·d(d + 1)/2   (mixing weights, means, covariances)
 * </pre>
 *
 * Using Kish's effective sample size n_eff for n makes n_eff·ℓ and the penalty count information
 * the way an unweighted sample of n_eff points would. Growth stops when no split passes, at
 * {@link #MAX_MODES} components, or when another component would hold less than the mass of
 * d + 1 effective particles; then EM refines the whole mixture.
 *
 * <p><b>One mode after all.</b> A single curved or non-Gaussian mode (a banana, a ring) is also
 * fitted better by several Gaussians, but they overlap. Components a, b are connected when their
 * shared responsibility Σᵢ wᵢ·min(rᵢₐ, rᵢᵦ) exceeds {@link #CONNECTED_OVERLAP} of the smaller
 * one's weight; if that connects all of them, the target is treated as having one mode and a
 * single Gaussian is returned (separated groups of components are kept as they are).
 *
 * <p><b>Robustness.</b> Exact duplicate points (copies of walkers that never moved) are merged
 * first; components that empty during EM are dropped, so the returned labels (the most
 * responsible component of each point) always index an existing component. More than
 * {@link #MAX_POINTS} distinct points are thinned to that many by systematic resampling with the
 * given generator — the only randomness used: same points, weights and generator state, same
 * result.
 */
public final class Clusterer {
  /** The largest number of components. */
  public static final int MAX_MODES = 20;
  /** A split is kept when it lowers the BIC by more than this (very strong evidence, Kass–Raftery). */
  public static final double SPLIT_THRESHOLD = 10.0;
  /** Larger point sets are thinned to this many by systematic resampling before growing. */
  public static final int MAX_POINTS = 1000;
  /** Components sharing more than this fraction of responsibility are one connected mode. */
  public static final double CONNECTED_OVERLAP = 0.03;
  /** The covariance ridge, as a fraction of each coordinate's overall variance. */
  static final double RIDGE = 1e-6;
  /** EM iterations for a candidate split's pair. */
  static final int MAX_EM_ITERATIONS = 20;
  /** EM iterations refining the whole mixture once growth has stopped. */
  static final int REFINE_ITERATIONS = 10;

  /** The fitted mixture and, per input point, the index of its most responsible component. */
  public record Clustering(GaussianMixture mixture, int[] labels) {}

  private Clusterer() {}

  /**
   * Clusters {@code points} (one row each, all of one dimension) with non-negative
   * {@code weights} (not all zero; normalised here).
   */
  public static Clustering fit(double[][] points, double[] weights, UniformRandomProvider rng) {
    int d = points[0].length;
    double[] normalised = normalised(weights);
    double effectiveSize = effectiveSize(normalised);
    WeightedEm.Regularisation regularisation =
        new WeightedEm.Regularisation(ridge(points, normalised), d + 1.0, d + 2.0);
    WeightedEm working = workingSet(points, normalised, effectiveSize, regularisation, rng);
    int cap = (int) Math.max(1, Math.min(MAX_MODES, Math.floor(effectiveSize / regularisation.minMembers())));
    GaussianMixture mixture = grow(working, effectiveSize, d, cap).mixture();
    if (mixture.size() > 1) {
      WeightedEm.Fit refined = working.run(mixture, REFINE_ITERATIONS);
      mixture = connected(refined) ? working.single().mixture() : refined.mixture();
    }
    return new Clustering(mixture, labels(mixture, points));
  }

  /** BIC = −2·n_eff·ℓ + p·ln n_eff for a K-component mixture in d dimensions. */
  public static double bic(double logLikelihood, double effectiveSize, int components, int d) {
    double parameters = (components - 1) + components * d + components * d * (d + 1) / 2.0;
    return -2.0 * effectiveSize * logLikelihood + parameters * FastMath.log(effectiveSize);
  }

  private static WeightedEm.Fit grow(WeightedEm em, double effectiveSize, int d, int cap) {
    WeightedEm.Fit current = em.single();
    while (current.size() < cap) {
      WeightedEm.Fit next = firstSplit(em, current, effectiveSize, d);
      if (next == null) {
        break;
      }
      current = next;
    }
    return current;
  }

  /** The first candidate split, in decreasing order of spread, that lowers the BIC enough; else null. */
  private static WeightedEm.Fit firstSplit(WeightedEm em, WeightedEm.Fit current, double effectiveSize, int d) {
    double currentBic = bic(current.logLikelihood(), effectiveSize, current.size(), d);
    for (int k : bySpread(current.mixture())) {
      WeightedEm members = em.members(current, k);
      if (!members.canSplit()) {
        continue;
      }
      Mode mode = current.mixture().component(k);
      for (GaussianMixture start : List.of(halves(mode), peel(members, mode))) {
        WeightedEm.Fit pair = members.run(start, MAX_EM_ITERATIONS);
        if (pair.size() < 2) {
          continue;
        }
        WeightedEm.Fit candidate = em.expectation(replace(current.mixture(), k, pair.mixture()));
        if (currentBic - bic(candidate.logLikelihood(), effectiveSize, candidate.size(), d) > SPLIT_THRESHOLD) {
          return candidate;
        }
      }
    }
    return null;
  }

  /**
   * Whether every component is connected to every other through pairs sharing more than
   * {@link #CONNECTED_OVERLAP} of the smaller one's weight in responsibility.
   */
  static boolean connected(WeightedEm.Fit fit) {
    int k = fit.size();
    double[][] shared = sharedResponsibility(fit);
    boolean[] reached = new boolean[k];
    reached[0] = true;
    for (boolean grew = true; grew; ) {
      grew = false;
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          double smaller = Math.min(fit.mixture().weight(a), fit.mixture().weight(b));
          if (reached[a] && !reached[b] && shared[Math.min(a, b)][Math.max(a, b)] > CONNECTED_OVERLAP * smaller) {
            reached[b] = true;
            grew = true;
          }
        }
      }
    }
    for (boolean r : reached) {
      if (!r) {
        return false;
      }
    }
    return true;
  }

  /** Σᵢ wᵢ·min(rᵢₐ, rᵢᵦ) for every pair a &lt; b. */
  private static double[][] sharedResponsibility(WeightedEm.Fit fit) {
    int k = fit.size();
    double[][] shared = new double[k][k];
    double[][] r = fit.responsibilities();
    for (int i = 0; i < r.length; i++) {
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k && r[i][a] > 0; b++) {
          shared[a][b] += fit.weights()[i] * Math.min(r[i][a], r[i][b]);
        }
      }
    }
    return shared;
  }

  /** Component k of {@code mixture} replaced by the two components of {@code pair}, weighted πₖ·αⱼ. */
  static GaussianMixture replace(GaussianMixture mixture, int k, GaussianMixture pair) {
    Mode[] modes = Arrays.copyOf(mixture.components(), mixture.size() + 1);
    double[] weights = Arrays.copyOf(mixture.weights(), mixture.size() + 1);
    modes[k] = pair.component(0);
    modes[modes.length - 1] = pair.component(1);
    weights[k] = mixture.weight(k) * pair.weight(0);
    weights[weights.length - 1] = mixture.weight(k) * pair.weight(1);
    return GaussianMixture.of(weights, modes);
  }

  /** The mixture with component k replaced by its two halves along the principal axis. */
  static GaussianMixture split(GaussianMixture mixture, int k) {
    return replace(mixture, k, halves(mixture.component(k)));
  }

  /**
   * The two halves of a Gaussian cut through its centre across its principal axis, weight ½ each:
   * μ± = μ ± √(2λ/π)·v, C± = C − (2/π)·λ·v·vᵀ.
   */
  static GaussianMixture halves(Mode mode) {
    Axis axis = principalAxis(mode);
    double[] v = axis.vector();
    double offset = Math.sqrt(2.0 * axis.value() / Math.PI);
    double shrink = 2.0 / Math.PI * axis.value();
    double[][] cov = covariance(mode);
    double[] lower = mode.mean();
    double[] upper = mode.mean();
    for (int a = 0; a < v.length; a++) {
      lower[a] -= offset * v[a];
      upper[a] += offset * v[a];
      for (int b = 0; b < v.length; b++) {
        cov[a][b] -= shrink * v[a] * v[b];
      }
    }
    return GaussianMixture.of(new double[] {1, 1}, new Mode[] {Mode.of(lower, cov), Mode.of(upper, cov)});
  }

  /**
   * {@code mode} and a narrow component peeled off it, weight ½ each: the new one is centred on the
   * heaviest of the {@code members} (usually on a peak) with covariance C/16.
   */
  static GaussianMixture peel(WeightedEm members, Mode mode) {
    int heaviest = 0;
    for (int i = 1; i < members.size(); i++) {
      if (members.weight(i) > members.weight(heaviest)) {
        heaviest = i;
      }
    }
    double[][] cov = covariance(mode);
    for (double[] row : cov) {
      for (int b = 0; b < row.length; b++) {
        row[b] /= 16.0;
      }
    }
    return GaussianMixture.of(new double[] {1, 1}, new Mode[] {mode, Mode.of(members.point(heaviest), cov)});
  }

  /** Component indices by decreasing πₖ·λₖ (ties by index). */
  static int[] bySpread(GaussianMixture mixture) {
    double[] spread = new double[mixture.size()];
    for (int k = 0; k < spread.length; k++) {
      spread[k] = mixture.weight(k) * principalAxis(mixture.component(k)).value();
    }
    return IntStream.range(0, spread.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(k -> -spread[k]).thenComparingInt(k -> k))
        .mapToInt(Integer::intValue).toArray();
  }

  /** The largest eigenvalue of a covariance and its unit eigenvector. */
  record Axis(double value, double[] vector) {}

  /**
   * The decomposition is done on C / (tr C / d), so that tiny covariances (a component on a few
   * nearly equal points) are not mistaken for zero; if it still fails, the coordinate axis of
   * largest variance is used.
   */
  static Axis principalAxis(Mode mode) {
    double[][] cov = covariance(mode);
    int d = cov.length;
    double scale = 0.0;
    for (int j = 0; j < d; j++) {
      scale += cov[j][j] / d;
    }
    for (double[] row : cov) {
      for (int b = 0; b < d; b++) {
        row[b] /= scale;
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
    double[] values = eigen.getRealEigenvalues();
    int best = 0;
    for (int j = 1; j < values.length; j++) {
      if (values[j] > values[best]) {
        best = j;
      }
    }
    double[] vector = eigen.getEigenvector(best).toArray();
    double norm = Math.sqrt(Arrays.stream(vector).map(v -> v * v).sum());
    if (!(norm > 0) || Double.isInfinite(norm) || !(values[best] > 0)) {
      return largestCoordinate(cov, scale);
    }
    for (int j = 0; j < d; j++) {
      vector[j] /= norm;
    }
    return new Axis(values[best] * scale, vector);
  }

  private static Axis largestCoordinate(double[][] scaledCov, double scale) {
    int best = 0;
    for (int j = 1; j < scaledCov.length; j++) {
      if (scaledCov[j][j] > scaledCov[best][best]) {
        best = j;
      }
    }
    double[] vector = new double[scaledCov.length];
    vector[best] = 1.0;
    return new Axis(scaledCov[best][best] * scale, vector);
  }

  /** C = L·Lᵀ from the mode's Cholesky factor. */
  static double[][] covariance(Mode mode) {
    double[][] l = mode.cholesky();
    int d = l.length;
    double[][] cov = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = 0.0;
        for (int j = 0; j <= b; j++) {
          sum += l[a][j] * l[b][j];
        }
        cov[a][b] = sum;
        cov[b][a] = sum;
      }
    }
    return cov;
  }

  /** The most responsible component of each point. */
  private static int[] labels(GaussianMixture mixture, double[][] points) {
    int[] labels = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      labels[i] = mixture.mostResponsible(points[i]);
    }
    return labels;
  }

  /**
   * The points EM works on: exact duplicates merged (their weights summed), then thinned to at most
   * {@link #MAX_POINTS} by systematic resampling. They stand for the n_eff of the original weights.
   */
  private static WeightedEm workingSet(double[][] points, double[] weights, double effectiveSize,
      WeightedEm.Regularisation regularisation, UniformRandomProvider rng) {
    Weighted merged = merged(points, weights);
    if (merged.points().length > MAX_POINTS) {
      merged = thinned(merged, rng);
    }
    return new WeightedEm(merged.points(), merged.weights(), effectiveSize, regularisation, null);
  }

  private record Weighted(double[][] points, double[] weights) {}

  /** Identical points merged into one with the summed weight (order: lexicographic). */
  private static Weighted merged(double[][] points, double[] weights) {
    Integer[] order = IntStream.range(0, points.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Arrays.compare(points[a], points[b]));
    double[][] outPoints = new double[points.length][];
    double[] outWeights = new double[points.length];
    int count = 0;
    for (int index : order) {
      if (count > 0 && Arrays.equals(outPoints[count - 1], points[index])) {
        outWeights[count - 1] += weights[index];
      } else {
        outPoints[count] = points[index];
        outWeights[count++] = weights[index];
      }
    }
    return new Weighted(Arrays.copyOf(outPoints, count), Arrays.copyOf(outWeights, count));
  }

  /** MAX_POINTS systematic draws; the copies of one point become one point of weight copies/MAX_POINTS. */
  private static Weighted thinned(Weighted merged, UniformRandomProvider rng) {
    int[] picks = Resampler.systematic(merged.weights(), MAX_POINTS, rng);
    int[] copies = new int[merged.points().length];
    for (int s : picks) {
      copies[s]++;
    }
    int distinct = (int) Arrays.stream(copies).filter(c -> c > 0).count();
    double[][] kept = new double[distinct][];
    double[] keptWeights = new double[distinct];
    int next = 0;
    for (int s = 0; s < copies.length; s++) {
      if (copies[s] > 0) {
        kept[next] = merged.points()[s];
        keptWeights[next++] = copies[s] / (double) MAX_POINTS;
      }
    }
    return new Weighted(kept, keptWeights);
  }

  /** RIDGE times each coordinate's weighted variance (at least a tiny absolute floor). */
  private static double[] ridge(double[][] points, double[] weights) {
    int d = points[0].length;
    double[] ridge = new double[d];
    for (int j = 0; j < d; j++) {
      double mean = 0.0;
      for (int i = 0; i < points.length; i++) {
        mean += weights[i] * points[i][j];
      }
      double variance = 0.0;
      for (int i = 0; i < points.length; i++) {
        double delta = points[i][j] - mean;
        variance += weights[i] * delta * delta;
      }
      ridge[j] = RIDGE * Math.max(variance, 1e-12);
    }
    return ridge;
  }

  private static double[] normalised(double[] weights) {
    double total = 0.0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("clustering weights must be finite and non-negative, got " + w);
      }
      total += w;
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException("clustering needs a positive, finite total weight, got " + total);
    }
    double[] out = new double[weights.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weights[i] / total;
    }
    return out;
  }

  private static double effectiveSize(double[] normalised) {
    double squares = 0.0;
    for (double w : normalised) {
      squares += w * w;
    }
    return 1.0 / squares;
  }
}
