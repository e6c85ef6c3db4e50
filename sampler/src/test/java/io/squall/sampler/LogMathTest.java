package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogMathTest {
  @Test
  void logSumExpOfHandValues() {
    assertEquals(Math.log(1 + 2 + 3), LogMath.logSumExp(new double[] {0, Math.log(2), Math.log(3)}), 1e-15);
    assertEquals(1000 + Math.log(2), LogMath.logSumExp(new double[] {1000, 1000}), 1e-12);
    assertEquals(-1000 + Math.log(2), LogMath.logSumExp(new double[] {-1000, -1000}), 1e-12);
  }

  @Test
  void logSumExpIgnoresMinusInfinity() {
    double inf = Double.NEGATIVE_INFINITY;
    assertEquals(Math.log(5), LogMath.logSumExp(new double[] {inf, Math.log(5), inf}), 1e-15);
    assertEquals(inf, LogMath.logSumExp(new double[] {inf, inf}));
    assertEquals(inf, LogMath.logSumExp(new double[0]));
  }

  @Test
  void logAddExp() {
    assertEquals(Math.log(7), LogMath.logAddExp(Math.log(3), Math.log(4)), 1e-15);
    assertEquals(2.0, LogMath.logAddExp(Double.NEGATIVE_INFINITY, 2.0));
  }

  @Test
  void effectiveSampleSizeOfHandValues() {
    assertEquals(4.0, LogMath.effectiveSampleSize(new double[] {0, 0, 0, 0}, 4), 1e-12);
    double inf = Double.NEGATIVE_INFINITY;
    assertEquals(1.0, LogMath.effectiveSampleSize(new double[] {0, inf, inf}, 3), 1e-12);
    // weights 1, 2, 3: (1+2+3)^2 / (1+4+9) = 36/14
    double[] logW = {0, Math.log(2), Math.log(3)};
    assertEquals(36.0 / 14.0, LogMath.effectiveSampleSize(logW, 3), 1e-12);
    assertEquals(0.0, LogMath.effectiveSampleSize(new double[] {inf, inf}, 2));
  }

  @Test
  void normaliseSumsToOne() {
    double[] w = LogMath.normalise(new double[] {0, Math.log(3)}, 2);
    assertEquals(0.25, w[0], 1e-15);
    assertEquals(0.75, w[1], 1e-15);
  }

  @Test
  void temperedTreatsZeroTimesMinusInfinityAsZero() {
    assertEquals(0.0, LogMath.tempered(0.0, Double.NEGATIVE_INFINITY));
    assertEquals(Double.NEGATIVE_INFINITY, LogMath.tempered(0.5, Double.NEGATIVE_INFINITY));
    assertEquals(-1.0, LogMath.tempered(0.5, -2.0));
  }
}
