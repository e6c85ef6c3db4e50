package io.squall.sampler;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * One coordinate of a product prior: its name, its one-dimensional prior given as an inverse
 * cumulative distribution function, and its {@link Boundary}.
 *
 * <p>Built with {@link #uniform}, {@link #normal} or {@link #logUniform}; {@link #periodic()} and
 * {@link #reflective()} return a copy with that boundary.
 */
public final class Coordinate {
  /** The family of a one-dimensional prior. */
  public enum Kind {
    UNIFORM,
    NORMAL,
    LOG_UNIFORM
  }

  private final String name;
  private final Kind kind;
  private final double a;
  private final double b;
  private final Boundary boundary;

  private Coordinate(String name, Kind kind, double a, double b, Boundary boundary) {
    this.name = name;
    this.kind = kind;
    this.a = a;
    this.b = b;
    this.boundary = boundary;
  }

  /** Uniform on [low, high]: θ = low + u·(high − low). */
  public static Coordinate uniform(String name, double low, double high) {
    List<String> problems = new ArrayList<>();
    checkName(name, problems);
    if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
      problems.add("uniform prior of '" + name + "' needs finite low < high, got [" + low + ", " + high + "]");
    }
    SettingsException.throwIfAny(problems);
    return new Coordinate(name, Kind.UNIFORM, low, high, Boundary.NONE);
  }

  /** Normal with the given mean and standard deviation: θ = mean + sd·√2·erf⁻¹(2u − 1). */
  public static Coordinate normal(String name, double mean, double sd) {
    List<String> problems = new ArrayList<>();
    checkName(name, problems);
    if (!(Double.isFinite(mean) && Double.isFinite(sd) && sd > 0)) {
      problems.add("normal prior of '" + name + "' needs a finite mean and sd > 0, got mean " + mean + ", sd " + sd);
    }
    SettingsException.throwIfAny(problems);
    return new Coordinate(name, Kind.NORMAL, mean, sd, Boundary.NONE);
  }

  /** Log-uniform (Jeffreys) on [low, high], 0 &lt; low &lt; high: θ = low·(high/low)^u. */
  public static Coordinate logUniform(String name, double low, double high) {
    List<String> problems = new ArrayList<>();
    checkName(name, problems);
    if (!(Double.isFinite(low) && Double.isFinite(high) && low > 0 && low < high)) {
      problems.add("log-uniform prior of '" + name + "' needs 0 < low < high, got [" + low + ", " + high + "]");
    }
    SettingsException.throwIfAny(problems);
    return new Coordinate(name, Kind.LOG_UNIFORM, Math.log(low), Math.log(high), Boundary.NONE);
  }

  private static void checkName(String name, List<String> problems) {
    if (name == null || name.isBlank()) {
      problems.add("a prior coordinate needs a non-empty name");
    }
  }

  /** A copy of this coordinate that wraps around (u mod 1). */
  public Coordinate periodic() {
    return new Coordinate(name, kind, a, b, Boundary.PERIODIC);
  }

  /** A copy of this coordinate that folds back at the walls of [0, 1]. */
  public Coordinate reflective() {
    return new Coordinate(name, kind, a, b, Boundary.REFLECTIVE);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public Boundary boundary() {
    return boundary;
  }

  /** Maps u ∈ [0, 1] to θ by the inverse cumulative distribution function. */
  public double theta(double u) {
    switch (kind) {
      case UNIFORM:
        return a + u * (b - a);
      case NORMAL:
        return a + b * Math.sqrt(2.0) * Erf.erfInv(2.0 * u - 1.0);
      default:
        return Math.exp(a + u * (b - a));
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case UNIFORM:
        return name + " ~ U(" + a + ", " + b + ")";
      case NORMAL:
        return name + " ~ N(" + a + ", " + b + ")";
      default:
        return name + " ~ LogU(" + Math.exp(a) + ", " + Math.exp(b) + ")";
    }
  }
}
