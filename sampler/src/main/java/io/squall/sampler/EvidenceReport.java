package io.squall.sampler;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How the log-evidence of a run was estimated, its error bar, and the diagnostics that say how far
 * to trust that error bar.
 *
 * @param logEvidence the shipped log Ẑ (the same as {@link SamplerResult#logEvidence()})
 * @param logEvidenceError its estimated standard error σ̂ (NaN if none could be computed)
 * @param estimator which estimate is shipped
 * @param errorMethod where σ̂ comes from
 * @param logEvidencePersistent the persistent estimate of Karamanis &amp; Seljak (2025), built from
 *     the normalisers stored during the run (with replicas: the mean over replicas)
 * @param logEvidenceResolved the estimate from the joint re-solve of all normalisers
 *     ({@link NormaliserSolver}; with replicas: over all replicas' particles)
 * @param logEvidenceErrorPersistent σ̂ of the persistent estimate by the same method
 * @param effectiveLineages K_eff = 1/Σ_e S_e², the number of lineage trees that effectively carry
 *     the posterior (S_e the posterior mass of tree e; all replicas' trees together)
 * @param dependenceRatio σ̂_lineage/σ̂_stratified of the shipped estimate: ≈ 1 when the MCMC mixes
 *     well, larger when particles stay close to their ancestors (NaN with replicas)
 * @param bootstrapReplicates B, the lineage-bootstrap replicates per run
 * @param replicas R, the independent runs pooled (1 = a single run)
 * @param warnings reasons to distrust σ̂ (likely underestimated), empty when none
 */
public record EvidenceReport(
    double logEvidence,
    double logEvidenceError,
    Estimator estimator,
    ErrorMethod errorMethod,
    double logEvidencePersistent,
    double logEvidenceResolved,
    double logEvidenceErrorPersistent,
    double effectiveLineages,
    double dependenceRatio,
    int bootstrapReplicates,
    int replicas,
    List<String> warnings) {

  /** Which log-evidence estimate is shipped. */
  public enum Estimator {
    /** The joint self-consistent re-solve of all normalisers over the whole pool (MBAR). */
    RESOLVED,
    /** The persistent estimate from the normalisers stored while running. */
    PERSISTENT;

    /** The name used in outputs: lower case. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where the error bar comes from. */
  public enum ErrorMethod {
    /** The replay bootstrap over lineage trees of one run ({@link LineageBootstrap}). */
    LINEAGE_BOOTSTRAP,
    /** The spread of R independent replicas, σ̂ = sd/√R ({@link Replicas}). */
    REPLICA_SPREAD,
    /** No error bar. */
    NONE;

    /** The name used in outputs: lower case, '-' for '_'. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public EvidenceReport {
    warnings = List.copyOf(warnings);
  }

  /** A report for an estimate without any error analysis. */
  public static EvidenceReport unanalysed(double logEvidence, double logEvidenceError) {
    return new EvidenceReport(logEvidence, logEvidenceError, Estimator.PERSISTENT, ErrorMethod.NONE,
        logEvidence, Double.NaN, logEvidenceError, Double.NaN, Double.NaN, 0, 1, List.of());
  }

  /**
   * The half-width of the central interval of probability {@code probability} around log Ẑ:
   * z·σ̂ with the normal quantile for a single run, t·σ̂ with Student's t on R − 1 degrees of
   * freedom for R replicas (at R = 4, ±1σ̂ covers only about 61 % and ±2σ̂ about 86 %).
   */
  public double halfWidth(double probability) {
    double upper = 0.5 + 0.5 * probability;
    double quantile = errorMethod == ErrorMethod.REPLICA_SPREAD
        ? new TDistribution(null, replicas - 1).inverseCumulativeProbability(upper)
        : new NormalDistribution(null, 0, 1).inverseCumulativeProbability(upper);
    return quantile * logEvidenceError;
  }
}
