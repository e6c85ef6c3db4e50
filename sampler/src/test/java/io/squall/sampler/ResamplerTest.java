package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ResamplerTest {
  /** A "generator" that returns the given doubles in turn. */
  private static UniformRandomProvider fixed(double... values) {
    int[] next = {0};
    return new UniformRandomProvider() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return values[next[0]++];
      }
    };
  }

  @Test
  void systematicByHand() {
    // positions (j + 0.5)/4 = .125 .375 .625 .875 on cumulative .1 .3 .6 1.0
    int[] picks = Resampler.systematic(new double[] {0.1, 0.2, 0.3, 0.4}, 4, fixed(0.5));
    assertArrayEquals(new int[] {1, 2, 3, 3}, picks);
  }

  @Test
  void systematicSkipsZeroWeights() {
    int[] picks = Resampler.systematic(new double[] {0.5, 0.0, 0.5, 0.0}, 4, fixed(0.0));
    assertArrayEquals(new int[] {0, 0, 2, 2}, picks);
  }

  @Test
  void multinomialByHand() {
    int[] picks = Resampler.multinomial(new double[] {0.1, 0.2, 0.3, 0.4}, 4, fixed(0.05, 0.29, 0.95, 0.31));
    assertArrayEquals(new int[] {0, 1, 3, 2}, picks);
  }

  @Test
  void multinomialNeverPicksAZeroWeightOnATie() {
    // cumulative .5 .5 1.0: a position of exactly .5 belongs to index 2, never to the empty index 1
    int[] picks = Resampler.multinomial(new double[] {0.5, 0.0, 0.5}, 1, fixed(0.5));
    assertArrayEquals(new int[] {2}, picks);
  }

  /**
   * Both schemes are unbiased: over 2000 repetitions of n = 10 draws the mean count of each index
   * is n·wᵢ. The standard error of the mean count is at most √(n·w(1−w)/2000) ≤ 0.036; the
   * tolerance 0.2 is over 5 standard errors (false-failure rate below 1e-6 per index).
   */
  @Test
  void bothSchemesAreUnbiased() {
    double[] w = {0.05, 0.15, 0.3, 0.5};
    for (Resampling scheme : Resampling.values()) {
      UniformRandomProvider rng = RandomStreams.create(11, RandomStreams.Purpose.RESAMPLE);
      double[] counts = new double[w.length];
      int reps = 2000;
      for (int r = 0; r < reps; r++) {
        for (int i : Resampler.resample(scheme, w, 10, rng)) {
          counts[i]++;
        }
      }
      for (int i = 0; i < w.length; i++) {
        assertEquals(10 * w[i], counts[i] / reps, 0.2, scheme + " index " + i);
      }
    }
  }

  @Test
  void streamsArePerPurposeAndSeed() {
    double a = RandomStreams.create(1, RandomStreams.Purpose.PRIOR).nextDouble();
    assertEquals(a, RandomStreams.create(1, RandomStreams.Purpose.PRIOR).nextDouble());
    assertNotEquals(a, RandomStreams.create(2, RandomStreams.Purpose.PRIOR).nextDouble());
    assertNotEquals(a, RandomStreams.create(1, RandomStreams.Purpose.ACCEPT).nextDouble());
  }
}
