package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.util.FastMath;

/**
 * Expectation–maximisation for a Gaussian mixture fitted to weighted points x₁…x_n with
 * normalised weights w₁…w_n (Σ wᵢ = 1) that stand for n_eff effective particles, as used by
 * {@link Clusterer}.
 *
 * <pre>
 *   E-step:  rᵢₖ = πₖ N(xᵢ; μₖ, Cₖ) / Σⱼ πⱼ N(xᵢ; μⱼ, Cⱼ)
 *   M-step:  Wₖ = Σᵢ wᵢ rᵢₖ,   πₖ = Wₖ,   μₖ = Σᵢ wᵢ rᵢₖ xᵢ / Wₖ,
 *            Sₖ = Σᵢ wᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Wₖ,
 *            Cₖ = Sₖ + diag(ridge)                              if nₖ = n_eff·Wₖ ≥ 4(d + 1)
 *            Cₖ = (nₖ·Sₖ + ν·R) / (nₖ + ν) + diag(ridge)       otherwise
 *   objective: ℓ = Σᵢ wᵢ log Σₖ πₖ N(xᵢ; μₖ, Cₖ)   (the weighted mean log-density)
 * </pre>
 *
 * <p>A poorly determined component — one holding the mass of fewer than 4(d + 1) effective
 * particles: a small mode, or a mode whose walkers rarely moved and left copies of a few points —
 * gets the posterior-mode covariance under a conjugate prior worth ν pseudo-members centred on a
 * reference R: the scatter of the well-determined component of median size (by trace, weighted by
 * πₖ), or a given one. It thus takes the shape of a typical component instead of collapsing onto
 * its few points (which would overstate its likelihood and leave its walkers unable to move).
 * Well-determined components keep their own maximum-likelihood shape, and R is never a poorly
 * determined one, so one odd component cannot distort the others; with one component nothing
 * changes. The small ridge (a fixed fraction of each coordinate's overall variance) keeps every
 * covariance positive definite.
 *
 * <p>A component whose mass n_eff·Wₖ falls below {@code minMembers} effective particles is dropped
 * in the M-step and the others renormalised, so an emptying cluster never produces a singular or
 * NaN component; the heaviest component always survives. Deterministic: no randomness is used.
 */
final class WeightedEm {
  /** The objective ℓ changed by less than this between two iterations: converged. */
  static final double TOLERANCE = 1e-5;
  /** Points with at least this responsibility count as members of a component. */
  static final double MEMBER_RESPONSIBILITY = 1e-3;

  /**
   * How fits are kept well-posed.
   *
   * @param ridge added to the diagonal of every fitted covariance
   * @param minMembers the smallest mass, in effective particles, a component may keep
   * @param priorStrength ν, the pseudo-members of the reference covariance each component gets
   */
  record Regularisation(double[] ridge, double minMembers, double priorStrength) {}

  /**
   * A fitted mixture, its objective ℓ, and the responsibilities rᵢₖ under it of the points, whose
   * weights are given too.
   */
  record Fit(GaussianMixture mixture, double logLikelihood, double[][] responsibilities, double[] weights) {
    int size() {
      return mixture.size();
    }
  }

  private final double[][] points;
  private final double[] weights;
  private final double effectiveSize;
  private final Regularisation regularisation;
  private final double[][] reference;

  /**
   * @param points the points, one row each
   * @param weights their weights, summing to one
   * @param effectiveSize n_eff, the number of effective particles the weights stand for
   * @param regularisation ridge, minimum mass and prior strength
   * @param reference a fixed reference covariance R, or null for the median component's
   */
  WeightedEm(double[][] points, double[] weights, double effectiveSize, Regularisation regularisation,
      double[][] reference) {
    this.points = points;
    this.weights = weights;
    this.effectiveSize = effectiveSize;
    this.regularisation = regularisation;
    this.reference = reference;
  }

  int size() {
    return points.length;
  }

  /** Point i (a copy). */
  double[] point(int i) {
    return points[i].clone();
  }

  /** The weight of point i. */
  double weight(int i) {
    return weights[i];
  }

  /**
   * The members of component k of {@code fit}, for fitting that component alone: the points with
   * rᵢₖ ≥ {@value #MEMBER_RESPONSIBILITY}, weights wᵢ·rᵢₖ (normalised), standing for n_eff·Wₖ
   * particles, with the whole fit's median scatter as fixed reference R.
   */
  WeightedEm members(Fit fit, int k) {
    double[][] r = fit.responsibilities();
    int count = (int) Arrays.stream(r).filter(row -> row[k] >= MEMBER_RESPONSIBILITY).count();
    double[][] memberPoints = new double[count][];
    double[] memberWeights = new double[count];
    double total = 0.0;
    int next = 0;
    for (int i = 0; i < points.length; i++) {
      if (r[i][k] >= MEMBER_RESPONSIBILITY) {
        memberPoints[next] = points[i];
        memberWeights[next] = weights[i] * r[i][k];
        total += memberWeights[next++];
      }
    }
    for (int i = 0; i < count; i++) {
      memberWeights[i] /= total;
    }
    return new WeightedEm(memberPoints, memberWeights, effectiveSize * total, regularisation,
        medianScatter(fit));
  }

  /** Whether these points hold enough mass for two components of at least minMembers each. */
  boolean canSplit() {
    return points.length > 1 && effectiveSize >= 2 * regularisation.minMembers();
  }

  /** The one-component fit: the weighted mean and (maximum-likelihood) covariance of all points. */
  Fit single() {
    double[][] all = new double[points.length][];
    for (int i = 0; i < all.length; i++) {
      all[i] = new double[] {1.0};
    }
    return expectation(maximisation(all));
  }

  /**
   * Runs EM from {@code start} until ℓ changes by less than {@link #TOLERANCE} or
   * {@code maxIterations} M-steps were made. The result's responsibilities belong to its mixture.
   */
  Fit run(GaussianMixture start, int maxIterations) {
    Fit fit = expectation(start);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      Fit next = expectation(maximisation(fit.responsibilities()));
      boolean converged = Math.abs(next.logLikelihood() - fit.logLikelihood()) < TOLERANCE;
      fit = next;
      if (converged) {
        break;
      }
    }
    return fit;
  }

  /** E-step: responsibilities and ℓ under {@code mixture}. */
  Fit expectation(GaussianMixture mixture) {
    double[][] responsibilities = new double[points.length][];
    double objective = 0.0;
    for (int i = 0; i < points.length; i++) {
      double[] joint = mixture.logJoint(points[i]);
      objective += weights[i] * toResponsibilities(joint);
      responsibilities[i] = joint;
    }
    return new Fit(mixture, objective, responsibilities, weights);
  }

  /** Turns log πₖNₖ(x) into rₖ in place (one exponential each) and returns log g(x). */
  private static double toResponsibilities(double[] joint) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : joint) {
      max = Math.max(max, v);
    }
    double sum = 0.0;
    for (int k = 0; k < joint.length; k++) {
      joint[k] = FastMath.exp(joint[k] - max);
      sum += joint[k];
    }
    for (int k = 0; k < joint.length; k++) {
      joint[k] /= sum;
    }
    return max + FastMath.log(sum);
  }

  /** M-step: drops components below minMembers (the heaviest always stays), fits the others. */
  GaussianMixture maximisation(double[][] responsibilities) {
    List<double[]> kept = keptMemberWeights(responsibilities);
    int count = kept.size();
    double[] mass = new double[count];
    double[][] means = new double[count][];
    double[][][] scatters = new double[count][][];
    for (int k = 0; k < count; k++) {
      mass[k] = sum(kept.get(k));
      means[k] = mean(kept.get(k), mass[k]);
      scatters[k] = scatter(kept.get(k), mass[k], means[k]);
    }
    double[][] target = reference != null ? reference : wellDeterminedMedian(scatters, mass);
    Mode[] modes = new Mode[count];
    for (int k = 0; k < count; k++) {
      double members = mass[k] * effectiveSize;
      double[][] cov = target == null || members >= wellDetermined() ? scatters[k]
          : shrunk(scatters[k], target, members);
      modes[k] = Mode.of(means[k], withRidge(cov));
    }
    return GaussianMixture.of(mass, modes);
  }

  /** Components with at least this many effective members keep their own scatter: 4(d + 1). */
  private double wellDetermined() {
    return 4.0 * (regularisation.ridge().length + 1);
  }

  /** The median scatter among the well-determined components, or null if there is none. */
  private double[][] wellDeterminedMedian(double[][][] scatters, double[] mass) {
    double[] masses = new double[mass.length];
    boolean any = false;
    for (int k = 0; k < mass.length; k++) {
      if (mass[k] * effectiveSize >= wellDetermined()) {
        masses[k] = mass[k];
        any = true;
      }
    }
    return any ? median(scatters, masses) : null;
  }

  /** The member weights wᵢ·rᵢₖ of the components that keep enough mass. */
  private List<double[]> keptMemberWeights(double[][] responsibilities) {
    List<double[]> kept = new ArrayList<>();
    double[] heaviest = null;
    double heaviestMass = -1.0;
    for (int k = 0; k < responsibilities[0].length; k++) {
      double[] memberWeights = memberWeights(responsibilities, k);
      double mass = sum(memberWeights);
      if (mass > heaviestMass) {
        heaviest = memberWeights;
        heaviestMass = mass;
      }
      if (mass > 0 && mass * effectiveSize >= regularisation.minMembers()) {
        kept.add(memberWeights);
      }
    }
    if (kept.isEmpty()) {
      kept.add(heaviest);
    }
    return kept;
  }

  /** The covariance of the fit's well-determined component of median size, or null. */
  private double[][] medianScatter(Fit fit) {
    return wellDeterminedMedian(fit.mixture());
  }

  private double[][] wellDeterminedMedian(GaussianMixture mixture) {
    double[][][] covariances = new double[mixture.size()][][];
    for (int k = 0; k < covariances.length; k++) {
      covariances[k] = Clusterer.covariance(mixture.component(k));
    }
    return wellDeterminedMedian(covariances, mixture.weights());
  }

  /** The matrix of weighted-median trace among {@code matrices} (weights {@code mass}). */
  static double[][] median(double[][][] matrices, double[] mass) {
    Integer[] order = new Integer[matrices.length];
    double[] traces = new double[matrices.length];
    double total = 0.0;
    for (int k = 0; k < matrices.length; k++) {
      order[k] = k;
      for (int j = 0; j < matrices[k].length; j++) {
        traces[k] += matrices[k][j][j];
      }
      total += mass[k];
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> traces[k]).thenComparingInt(k -> k));
    double cumulative = 0.0;
    for (int k : order) {
      cumulative += mass[k];
      if (cumulative >= 0.5 * total) {
        return matrices[k];
      }
    }
    return matrices[order[order.length - 1]];
  }

  /** (nₖ·Sₖ + ν·R)/(nₖ + ν). */
  private double[][] shrunk(double[][] scatter, double[][] target, double members) {
    double nu = regularisation.priorStrength();
    int d = scatter.length;
    double[][] out = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        out[a][b] = (members * scatter[a][b] + nu * target[a][b]) / (members + nu);
      }
    }
    return out;
  }

  /** C + diag(ridge), in place. */
  private double[][] withRidge(double[][] cov) {
    double[] ridge = regularisation.ridge();
    for (int a = 0; a < ridge.length; a++) {
      cov[a][a] += ridge[a];
    }
    return cov;
  }

  /** wᵢ·rᵢₖ for every point. */
  private double[] memberWeights(double[][] responsibilities, int k) {
    double[] out = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      out[i] = weights[i] * responsibilities[i][k];
    }
    return out;
  }

  private static double sum(double[] values) {
    double total = 0.0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  /** μ = Σ vᵢxᵢ / V for member weights v with sum V. */
  private double[] mean(double[] memberWeights, double total) {
    int d = points[0].length;
    double[] mean = new double[d];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += memberWeights[i] * points[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= total;
    }
    return mean;
  }

  /** S = Σ vᵢ(xᵢ − μ)(xᵢ − μ)ᵀ / V, the maximum-likelihood covariance. */
  private double[][] scatter(double[] memberWeights, double total, double[] mean) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    double[] delta = new double[d];
    for (int i = 0; i < points.length; i++) {
      if (memberWeights[i] == 0.0) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        delta[j] = points[i][j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double scaled = memberWeights[i] * delta[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += scaled * delta[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= total;
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }
}
