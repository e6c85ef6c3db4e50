package io.squall.sampler;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The run's random streams, one per purpose, all derived from the one run seed. Each stream is an
 * independent xoshiro256++ generator (Apache Commons RNG) seeded by SplitMix64 from
 * (seed, purpose), so adding draws for one purpose never shifts another. States are restorable
 * ({@link #saveState}, {@link #restore}) for checkpoints: the saved bytes hold the generator's
 * whole state, including any bits it cached from its last 64-bit output.
 */
public final class RandomStreams {
  /** What a stream is used for; the ordinal is part of the derived seed, so never reorder. */
  public enum Purpose {
    PRIOR,
    RESAMPLE,
    PROPOSE,
    ACCEPT,
    CLUSTER,
    BOOTSTRAP,
    OUTPUT,
    REPLICAS
  }

  private RandomStreams() {}

  /**
   * The seeds of {@code count} independent replicas of the run of {@code seed}: consecutive draws
   * of its {@link Purpose#REPLICAS} stream, generated before any replica starts (so a sequential
   * and a parallel driver give the same replicas).
   */
  public static long[] replicaSeeds(long seed, int count) {
    RestorableUniformRandomProvider stream = create(seed, Purpose.REPLICAS);
    long[] out = new long[count];
    for (int r = 0; r < count; r++) {
      out[r] = stream.nextLong();
    }
    return out;
  }

  /** A fresh generator for {@code purpose}, determined by {@code seed} alone. */
  public static RestorableUniformRandomProvider create(long seed, Purpose purpose) {
    SplitMix64 mixer = new SplitMix64(seed ^ (0x9E3779B97F4A7C15L * (purpose.ordinal() + 1)));
    long[] state = new long[4];
    for (int i = 0; i < state.length; i++) {
      state[i] = mixer.nextLong();
    }
    return RandomSource.XO_SHI_RO_256_PP.create(state);
  }

  /** The whole state of {@code stream}, as bytes. */
  public static byte[] saveState(RestorableUniformRandomProvider stream) {
    return ((RandomProviderDefaultState) stream.saveState()).getState();
  }

  /**
   * The stream of {@code purpose} for {@code seed} put into the saved state {@code state}.
   *
   * @throws IllegalArgumentException if {@code state} is not a saved state of such a stream
   */
  public static RestorableUniformRandomProvider restore(long seed, Purpose purpose, byte[] state) {
    RestorableUniformRandomProvider stream = create(seed, purpose);
    try {
      stream.restoreState(new RandomProviderDefaultState(state.clone()));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("invalid state of the " + purpose + " stream: " + e.getMessage(), e);
    }
    return stream;
  }
}
