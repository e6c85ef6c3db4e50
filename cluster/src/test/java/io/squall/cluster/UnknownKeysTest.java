package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {
  private final UnknownKeys keys = new UnknownKeys(Set.of(
      "squall.sampler.active-particles", "squall.sampler.effective-particles", "squall.sampler.seed"));

  @Test
  void levenshteinDistance() {
    assertEquals(0, UnknownKeys.distance("seed", "seed"));
    assertEquals(1, UnknownKeys.distance("sed", "seed"));
    assertEquals(1, UnknownKeys.distance("seeds", "seed"));
    assertEquals(1, UnknownKeys.distance("sead", "seed"));
    assertEquals(3, UnknownKeys.distance("kitten", "sitting"));
    assertEquals(4, UnknownKeys.distance("", "seed"));
  }

  @Test
  void nearestKnownKey() {
    assertEquals(Optional.of("squall.sampler.active-particles"), keys.nearest("squall.sampler.activeparticles"));
    assertEquals(Optional.of("squall.sampler.effective-particles"), keys.nearest("squall.sampler.efective-particle"));
    assertEquals(Optional.of("squall.sampler.seed"), keys.nearest("squall.run.seed"));
    assertEquals(Optional.empty(), keys.nearest("squall.cluster.seed-nodes"));
  }
}
