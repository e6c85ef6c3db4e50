package io.squall.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Persistent Sampling (Karamanis &amp; Seljak, "Persistent Sampling: Enhancing the Efficiency of
 * Sequential Monte Carlo", Statistics and Computing 35, 2025) as an ask/tell state machine.
 *
 * <pre>{@code
 * PersistentSampler sampler = PersistentSampler.create(model, settings);
 * for (Request r = sampler.next(); r instanceof Batch b; r = sampler.next()) {
 *   sampler.tell(b.id(), evaluate(b.unitPoints()));   // anywhere, in any slices
 * }
 * SamplerResult result = ((Finished) sampler.next()).result();
 * }</pre>
 *
 * <p>One iteration: <b>reweight</b> (choose the next β with {@link BetaSolver} so the pool's ESS
 * is effectiveParticles), <b>train</b> ({@link Trainer}: one Gaussian, or with clustering a
 * {@link GaussianMixture} of several modes from {@link Clusterer}), <b>resample</b>
 * activeParticles particles from the whole pool ({@link Resampler}; each walker draws its mode
 * from the responsibilities at its point), <b>mutate</b> them with MCMC ({@link Mutation}; each
 * step is one {@link Batch}), <b>persist</b> them into the {@link Pool}. Warm-up iterations at
 * β = 0 draw prior batches until the pool exceeds effectiveParticles. After β reaches 1 the loop
 * goes on until the pool's ESS at β = 1 reaches totalSamples.
 *
 * <p>All randomness comes from {@link RandomStreams} derived from the settings' seed, and results
 * are applied by point index, so any driver that evaluates the batches correctly — sequential,
 * local actors, a cluster — gets a bit-identical run. No threads are used here.
 *
 * <p><b>Checkpoints.</b> Between two iterations the whole state is data: {@link #checkpoint()}
 * copies it into a {@link SamplerCheckpoint}, and {@link #resume} continues from one bit for bit.
 * {@link #checkpointEvery} makes {@link #next()} hand a checkpoint to a sink every K iterations,
 * whoever drives the sampler, so every driver checkpoints at the same points.
 */
public final class PersistentSampler {
  private enum Phase { START, MUTATE, DONE }

  /** Modes holding a smaller share of the walkers do not set the number of steps. */
  static final double MIN_MODE_SHARE = 0.01;

  private final Model model;
  private final SamplerSettings settings;
  private final MoveKernel kernel;
  private final int dimension;
  private final int derivedCount;
  private final Boundary[] boundaries;
  private final double initialStepSize;
  private final Pool pool;
  private final RestorableUniformRandomProvider priorStream;
  private final RestorableUniformRandomProvider resampleStream;
  private final RestorableUniformRandomProvider proposeStream;
  private final RestorableUniformRandomProvider acceptStream;
  private final RestorableUniformRandomProvider clusterStream;
  private final ContinuousSampler normals;
  private final List<IterationDiagnostics> diagnostics = new ArrayList<>();

  private Phase phase = Phase.START;
  private double beta;
  private double iterationLogEvidence;
  private double iterationEss;
  private int modeCount;
  private double[] stepSizes;
  private Mode[] stepSizeModes;
  private int nextSteps;
  private Mutation mutation;
  private int[] parents;
  private Batch pending;
  private long batchCounter;
  private long likelihoodCalls;
  private SamplerResult result;
  private int checkpointInterval;
  private Consumer<SamplerCheckpoint> checkpointSink;
  private int lastCheckpoint;
  private ProgressListener progressListener = ProgressListener.none();

  /**
   * A sampler at the start of a run ({@code pool} empty, {@code randomStates} null: fresh streams
   * of the seed) or at the iteration boundary of a checkpoint (its pool and stream states).
   */
  private PersistentSampler(Model model, SamplerSettings settings, MoveKernel kernel, Pool pool,
      Map<RandomStreams.Purpose, byte[]> randomStates) {
    this.model = model;
    this.settings = settings;
    this.kernel = kernel;
    this.dimension = model.dimension();
    this.boundaries = model.boundaries().toArray(new Boundary[0]);
    this.initialStepSize = Math.min(2.38 / Math.sqrt(dimension), kernel.maxStepSize());
    this.stepSizes = new double[] {initialStepSize};
    this.nextSteps = settings.mcmcSteps() * dimension;
    this.derivedCount = model.derivedNames().size();
    this.pool = pool;
    this.priorStream = stream(RandomStreams.Purpose.PRIOR, randomStates);
    this.resampleStream = stream(RandomStreams.Purpose.RESAMPLE, randomStates);
    this.proposeStream = stream(RandomStreams.Purpose.PROPOSE, randomStates);
    this.acceptStream = stream(RandomStreams.Purpose.ACCEPT, randomStates);
    this.clusterStream = stream(RandomStreams.Purpose.CLUSTER, randomStates);
    // The ziggurat sampler keeps no state of its own (no cached second normal): the propose
    // stream's state is the whole state of the normals.
    this.normals = ZigguratSampler.NormalizedGaussian.of(proposeStream);
  }

  private RestorableUniformRandomProvider stream(RandomStreams.Purpose purpose,
      Map<RandomStreams.Purpose, byte[]> randomStates) {
    return randomStates == null ? RandomStreams.create(settings.seed(), purpose)
        : RandomStreams.restore(settings.seed(), purpose, randomStates.get(purpose));
  }

  /** A sampler for {@code model} with {@code settings}, using the kernel the settings name. */
  public static PersistentSampler create(Model model, SamplerSettings settings) {
    return create(model, settings, MoveKernel.of(settings.kernel()));
  }

  /** A sampler with an explicit kernel (for experiments and tests of the kernels). */
  public static PersistentSampler create(Model model, SamplerSettings settings, MoveKernel kernel) {
    if (model.boundaries().size() != model.dimension()) {
      throw new SettingsException(List.of("model has dimension " + model.dimension() + " but "
          + model.boundaries().size() + " boundaries"));
    }
    SettingsException.throwIfAny(Model.derivedNameProblems(model.parameterNames(), model.derivedNames()));
    return new PersistentSampler(model, settings, kernel, new Pool(model.dimension(), model.derivedNames().size()),
        null);
  }

  /**
   * A sampler that continues the run of {@code checkpoint} exactly where it stopped: driven to the
   * end, it gives the result the uninterrupted run would have given, bit for bit.
   *
   * @param model the model of the run (the same parameter names, boundaries and derived values;
   *     its likelihood is not checked, it must be the same function)
   * @throws SettingsException naming every difference between {@code model} and the checkpoint's
   */
  public static PersistentSampler resume(Model model, SamplerCheckpoint checkpoint) {
    SettingsException.throwIfAny(checkpoint.modelDifferences(model));
    SamplerSettings settings = checkpoint.settings();
    PersistentSampler sampler = new PersistentSampler(model, settings, MoveKernel.of(settings.kernel()),
        Pool.restore(checkpoint.pool()), checkpoint.randomStates());
    sampler.diagnostics.addAll(checkpoint.diagnostics());
    SamplerCheckpoint.Progress progress = checkpoint.progress();
    sampler.beta = progress.beta();
    sampler.stepSizes = progress.stepSizes().clone();
    sampler.stepSizeModes = progress.modes().isEmpty() ? null : progress.modes().toArray(new Mode[0]);
    sampler.nextSteps = progress.nextSteps();
    sampler.batchCounter = progress.batchCounter();
    sampler.likelihoodCalls = progress.likelihoodCalls();
    sampler.lastCheckpoint = checkpoint.iterations();
    return sampler;
  }

  /**
   * Makes {@link #next()} hand {@link #checkpoint()} to {@code sink} whenever the number of
   * completed iterations (warm-up prior batches included) is a positive multiple of
   * {@code iterations}, before the next iteration starts. The sink runs in the thread that calls
   * {@code next()}; if it throws, {@code next()} throws and the sampler is unchanged (asking
   * again retries the checkpoint).
   *
   * @param iterations K &gt; 0
   * @param sink where checkpoints go, e.g. a file writer
   */
  public void checkpointEvery(int iterations, Consumer<SamplerCheckpoint> sink) {
    if (iterations <= 0) {
      throw new IllegalArgumentException("checkpoint interval must be a positive number of iterations, got "
          + iterations);
    }
    this.checkpointInterval = iterations;
    this.checkpointSink = sink;
  }

  /**
   * Makes the sampler tell {@code listener} about every iteration it completes from now on (one
   * listener; a new one replaces the previous). Observing changes nothing in the run.
   */
  public void progressListener(ProgressListener listener) {
    this.progressListener = listener == null ? ProgressListener.none() : listener;
  }

  /** True between two iterations, where {@link #checkpoint()} may be taken. */
  public boolean atIterationBoundary() {
    return phase == Phase.START && pending == null;
  }

  /** Iterations completed so far (warm-up prior batches included). */
  public int iterations() {
    return pool.iterationCount();
  }

  /**
   * The state of the run as data (copies: the sampler may go on).
   *
   * @throws IllegalStateException unless {@link #atIterationBoundary()}
   */
  public SamplerCheckpoint checkpoint() {
    if (!atIterationBoundary()) {
      throw new IllegalStateException(phase == Phase.DONE ? "the run has finished"
          : "a checkpoint is taken between iterations only; iteration " + pool.iterationCount() + " is under way");
    }
    Map<RandomStreams.Purpose, byte[]> states = new EnumMap<>(RandomStreams.Purpose.class);
    states.put(RandomStreams.Purpose.PRIOR, RandomStreams.saveState(priorStream));
    states.put(RandomStreams.Purpose.RESAMPLE, RandomStreams.saveState(resampleStream));
    states.put(RandomStreams.Purpose.PROPOSE, RandomStreams.saveState(proposeStream));
    states.put(RandomStreams.Purpose.ACCEPT, RandomStreams.saveState(acceptStream));
    states.put(RandomStreams.Purpose.CLUSTER, RandomStreams.saveState(clusterStream));
    SamplerCheckpoint.Progress progress = new SamplerCheckpoint.Progress(beta, stepSizes.clone(),
        stepSizeModes == null ? List.of() : List.of(stepSizeModes), nextSteps, batchCounter, likelihoodCalls);
    return new SamplerCheckpoint(SamplerCheckpoint.Origin.none(), settings, model.parameterNames(),
        model.boundaries(), model.derivedNames(), pool.state(), diagnostics, progress, states);
  }

  public SamplerSettings settings() {
    return settings;
  }

  public Model model() {
    return model;
  }

  /** Points evaluated so far. */
  public long likelihoodCalls() {
    return likelihoodCalls;
  }

  /** Diagnostics of the iterations completed so far. */
  public List<IterationDiagnostics> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The pool (read-only use: the evidence analysis and the pooling of replicas). */
  Pool pool() {
    return pool;
  }

  /** The current inverse temperature. */
  public double beta() {
    return beta;
  }

  /**
   * The next request: the pending {@link Batch} if one awaits its values (asking twice is safe),
   * a new batch, or {@link Finished}.
   */
  public Request next() {
    while (pending == null && phase != Phase.DONE) {
      if (phase == Phase.START) {
        offerCheckpoint();
        startIteration();
      } else if (mutation.isDone()) {
        persist();
      } else {
        proposeStep();
      }
    }
    return phase == Phase.DONE ? new Finished(result) : pending;
  }

  /**
   * Takes the log-likelihoods of batch {@code batchId}, one per point in batch order.
   *
   * @throws IllegalStateException if that batch is not the one pending
   * @throws LikelihoodException if a value is NaN (unless treated as −∞) or +∞; the sampler is
   *     left unchanged
   */
  public void tell(long batchId, double[] logLikelihoods) {
    if (derivedCount > 0) {
      throw new IllegalArgumentException("the model has " + derivedCount + " derived values "
          + model.derivedNames() + ": tell the batch's Evaluation, not its log-likelihoods alone");
    }
    tell(batchId, Evaluation.of(logLikelihoods));
  }

  /**
   * Takes the log-likelihoods and derived values of batch {@code batchId}, one per point in batch
   * order.
   *
   * @throws IllegalStateException if that batch is not the one pending
   * @throws IllegalArgumentException if the number of points or of derived values is wrong
   * @throws LikelihoodException if a value is NaN (unless treated as −∞) or +∞; the sampler is
   *     left unchanged
   */
  public void tell(long batchId, Evaluation evaluation) {
    if (pending == null || pending.id() != batchId) {
      throw new IllegalStateException("batch " + batchId + " is not pending"
          + (pending == null ? "" : "; batch " + pending.id() + " is"));
    }
    if (evaluation.size() != pending.size()) {
      throw new IllegalArgumentException("batch " + batchId + " has " + pending.size()
          + " points but " + evaluation.size() + " values were told");
    }
    if (evaluation.size() > 0 && evaluation.derivedCount() != derivedCount) {
      throw new IllegalArgumentException("the model declares " + derivedCount + " derived values "
          + model.derivedNames() + " but its evaluation returned " + evaluation.derivedCount() + " per point");
    }
    double[] values = checked(evaluation.logLikelihoods());
    Batch batch = pending;
    pending = null;
    likelihoodCalls += values.length;
    if (phase == Phase.START) {
      addPriorBatch(batch, values, evaluation.derived());
    } else {
      mutation.accept(values, evaluation.derived(), acceptStream);
      if (mutation.isDone()) {
        persist(); // the iteration ends here, so a driver sees the boundary between tell and next
      }
    }
  }

  private double[] checked(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i]) && settings.nanAsMinusInfinity()) {
        out[i] = Double.NEGATIVE_INFINITY;
      } else if (Double.isNaN(out[i]) || out[i] == Double.POSITIVE_INFINITY) {
        throw new LikelihoodException("log-likelihood is " + out[i] + " at theta = "
            + describe(pending.unitPoints()[i]) + (Double.isNaN(out[i])
                ? " (set nanAsMinusInfinity to treat NaN as a zero likelihood)"
                : " (a log-likelihood must be finite or -Infinity)"));
      }
    }
    return out;
  }

  /** θ of a unit-cube point, with parameter names, for error messages. */
  public String describe(double[] unitPoint) {
    double[] theta = model.theta(unitPoint);
    List<String> names = model.parameterNames();
    StringBuilder sb = new StringBuilder("{");
    for (int j = 0; j < theta.length; j++) {
      sb.append(j == 0 ? "" : ", ").append(names.get(j)).append('=').append(theta[j]);
    }
    return sb.append('}').toString();
  }

  private void offerCheckpoint() {
    int done = pool.iterationCount();
    if (checkpointSink != null && done > lastCheckpoint && done % checkpointInterval == 0) {
      checkpointSink.accept(checkpoint());
      lastCheckpoint = done;
    }
  }

  // ---- the iteration, step by step -------------------------------------------------------

  private void startIteration() {
    if (beta == 0.0 && pool.size() <= settings.effectiveParticles()) {
      pending = newBatch(0, priorDraws());
      return;
    }
    if (beta == 1.0 && pool.effectiveSampleSize(1.0) >= settings.totalSamples()) {
      finish();
      return;
    }
    requireSomeLikelihood();
    reweight();
    Proposal proposal = train();
    resampleAndMutate(proposal);
  }

  private double[][] priorDraws() {
    double[][] points = new double[settings.activeParticles()][dimension];
    for (double[] point : points) {
      for (int j = 0; j < dimension; j++) {
        point[j] = priorStream.nextDouble();
      }
    }
    return points;
  }

  private void addPriorBatch(Batch batch, double[] values, double[][] derived) {
    int[] noParents = new int[values.length];
    Arrays.fill(noParents, -1);
    pool.add(0.0, 0.0, batch.unitPoints(), values, derived, noParents);
    record(new IterationDiagnostics(batch.iteration(), 0.0, pool.size(), 0.0, Double.NaN, 0,
        Double.NaN, 0, likelihoodCalls, pool.size()));
  }

  private void record(IterationDiagnostics iteration) {
    diagnostics.add(iteration);
    progressListener.iterationDone(iteration);
  }

  private void requireSomeLikelihood() {
    for (int s = 0; s < pool.size(); s++) {
      if (pool.logLikelihood(s) > Double.NEGATIVE_INFINITY) {
        return;
      }
    }
    throw new LikelihoodException("every one of the " + pool.size()
        + " prior draws has log-likelihood -Infinity: the likelihood is zero everywhere the prior was explored");
  }

  /** Reweight: the next β and its normaliser ζ = log Ẑ(β). */
  private void reweight() {
    beta = BetaSolver.next(pool, beta, settings.effectiveParticles());
    iterationLogEvidence = beta == 0.0 ? 0.0 : pool.logEvidence(beta);
    iterationEss = pool.effectiveSampleSize(beta);
  }

  /**
   * Train: the proposal's modes — clustered by {@link Trainer#clustered} (whose randomness comes
   * from the cluster stream only) unless clustering is off — with their step sizes.
   */
  private Proposal train() {
    double[] weights = LogMath.normalise(pool.logWeights(beta), pool.size());
    Proposal proposal = settings.clustering() ? Trainer.clustered(pool, weights, clusterStream)
        : Trainer.unimodal(pool, weights);
    stepSizes = carriedStepSizes(proposal.modes());
    stepSizeModes = proposal.modes();
    modeCount = proposal.modeCount();
    return proposal;
  }

  /**
   * Each new mode inherits the adapted step size of the previous iteration's mode nearest to its
   * mean (in that mode's Mahalanobis distance), so splitting, merging or reordering modes keeps
   * what was learnt; the first iteration starts every mode at σ₀. With one mode before and after,
   * the step size simply carries on.
   */
  private double[] carriedStepSizes(Mode[] modes) {
    double[] carried = new double[modes.length];
    for (int m = 0; m < modes.length; m++) {
      carried[m] = stepSizeModes == null ? initialStepSize : stepSizes[nearest(stepSizeModes, modes[m].mean())];
    }
    return carried;
  }

  private static int nearest(Mode[] modes, double[] point) {
    int best = 0;
    for (int m = 1; m < modes.length; m++) {
      if (modes[m].mahalanobis2(point) < modes[best].mahalanobis2(point)) {
        best = m;
      }
    }
    return best;
  }

  private void resampleAndMutate(Proposal proposal) {
    int n = settings.activeParticles();
    double[] weights = LogMath.normalise(pool.logWeights(beta), pool.size());
    parents = Resampler.resample(settings.resampling(), weights, n, resampleStream);
    double[][] walkers = new double[n][];
    double[] walkerLogLikelihoods = new double[n];
    int[] walkerModes = new int[n];
    double[][] walkerDerived = new double[n][];
    for (int i = 0; i < n; i++) {
      walkers[i] = pool.unitPoint(parents[i]);
      walkerLogLikelihoods[i] = pool.logLikelihood(parents[i]);
      walkerDerived[i] = pool.derived(parents[i]);
      walkerModes[i] = settings.clustering() ? proposal.drawMode(walkers[i], clusterStream)
          : proposal.modeOf(parents[i], pool);
    }
    mutation = new Mutation(kernel, proposal.mixture(), stepSizes, boundaries, beta, nextSteps, walkers,
        walkerLogLikelihoods, walkerModes);
    mutation.carry(walkerDerived);
    phase = Phase.MUTATE;
  }

  private void proposeStep() {
    double[][] batch = mutation.propose(normals, clusterStream);
    if (batch.length == 0) {
      mutation.accept(new double[0], new double[0][], acceptStream);
    } else {
      pending = newBatch(mutation.currentStep() + 1, batch);
    }
  }

  /** Persist the moved walkers, record the iteration, and adapt the number of steps. */
  private void persist() {
    pool.add(beta, iterationLogEvidence, mutation.walkers(), mutation.walkerLogLikelihoods(),
        mutation.walkerDerived(), parents);
    double acceptance = mutation.acceptance();
    double meanStep = Arrays.stream(stepSizes).average().orElse(initialStepSize);
    record(new IterationDiagnostics(pool.iterationCount() - 1, beta, iterationEss,
        iterationLogEvidence, acceptance, mutation.steps(), meanStep / initialStepSize, modeCount,
        likelihoodCalls, pool.size()));
    nextSteps = modeCount > 1 ? multimodalSteps(mutation.slowestModeAcceptance(MIN_MODE_SHARE))
        : adaptedSteps(acceptance, meanStep);
    mutation = null;
    parents = null;
    phase = Phase.START;
  }

  /**
   * mcmcSteps·d·(0.234/acceptance)·(σ₀/σ)², clamped to [mcmcSteps·d, maxMcmcSteps·d]: fewer
   * accepted or shorter moves need more steps to decorrelate.
   */
  private int adaptedSteps(double acceptance, double stepSize) {
    int min = settings.mcmcSteps() * dimension;
    int max = settings.maxMcmcSteps() * dimension;
    if (!(acceptance > 0)) {
      return max;
    }
    double ratio = initialStepSize / stepSize;
    double wanted = min * (Mutation.TARGET_ACCEPTANCE / acceptance) * ratio * ratio;
    return (int) Math.max(min, Math.min(max, Math.round(wanted)));
  }

  /**
   * With several modes: JUMP_PERIOD·mcmcSteps·d / a_min, clamped to [mcmcSteps·d, maxMcmcSteps·d],
   * a_min the local acceptance of the slowest mode holding at least {@link #MIN_MODE_SHARE} of the
   * walkers. That is enough local steps for that mode's walkers to make mcmcSteps·d accepted moves
   * each on average, and as many jumps between modes. The acceptance rule of one mode would stop
   * at the minimum (the fitted Gaussians accept most moves), which measurably leaves small modes
   * — cut by the box, or fitted from few particles — behind the tempering: their walkers lag,
   * their weight decays and the posterior loses them (eggbox-2's corner modes).
   */
  private int multimodalSteps(double slowestAcceptance) {
    int min = settings.mcmcSteps() * dimension;
    int max = settings.maxMcmcSteps() * dimension;
    if (!(slowestAcceptance > 0)) {
      return max;
    }
    double wanted = Mutation.JUMP_PERIOD * min / slowestAcceptance;
    return (int) Math.max(min, Math.min(max, Math.round(wanted)));
  }

  private Batch newBatch(int step, double[][] points) {
    return new Batch(++batchCounter, pool.iterationCount(), step, points);
  }

  /**
   * The result: the evidence analysis of the whole pool ({@link EvidenceAnalysis}: joint re-solve
   * of the normalisers, lineage bootstrap) and the posterior under the shipped normalisers.
   */
  private void finish() {
    EvidenceAnalysis.Outcome evidence = EvidenceAnalysis.analyse(pool, settings.seed(),
        LineageBootstrap.DEFAULT_REPLICATES);
    double[] logWeights = evidence.logWeights();
    double[] weights = LogMath.normalise(logWeights, pool.size());
    double[][] theta = new double[pool.size()][];
    double[] logLikelihoods = new double[pool.size()];
    double[][] derived = new double[pool.size()][];
    for (int s = 0; s < pool.size(); s++) {
      theta[s] = model.theta(pool.unitPoint(s));
      logLikelihoods[s] = pool.logLikelihood(s);
      derived[s] = pool.derived(s);
    }
    Posterior posterior = new Posterior(model.parameterNames(), theta, weights, logLikelihoods,
        model.derivedNames(), derived);
    EvidenceReport report = evidence.report();
    result = new SamplerResult(report.logEvidence(), report.logEvidenceError(),
        LogMath.effectiveSampleSize(logWeights, logWeights.length), likelihoodCalls,
        pool.iterationCount(), settings.seed(), settings, posterior, diagnostics, report);
    phase = Phase.DONE;
  }
}
