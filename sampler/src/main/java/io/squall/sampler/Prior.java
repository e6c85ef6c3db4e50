package io.squall.sampler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A product prior, one independent {@link Coordinate} per parameter; it is a
 * {@link PriorTransform} (unit cube → θ) and carries the parameter names and boundaries.
 *
 * <pre>{@code
 * Prior prior = Prior.of(Coordinate.uniform("x", -10, 10),
 *                        Coordinate.normal("y", 0, 1),
 *                        Coordinate.logUniform("s", 1e-3, 1),
 *                        Coordinate.uniform("phase", 0, 2 * Math.PI).periodic());
 * }</pre>
 */
public final class Prior implements PriorTransform {
  private final List<Coordinate> coordinates;

  private Prior(List<Coordinate> coordinates) {
    this.coordinates = List.copyOf(coordinates);
  }

  /** A prior from its coordinates; names must be distinct. */
  public static Prior of(List<Coordinate> coordinates) {
    List<String> problems = new ArrayList<>();
    if (coordinates.isEmpty()) {
      problems.add("a prior needs at least one coordinate");
    }
    Set<String> seen = new HashSet<>();
    for (Coordinate c : coordinates) {
      if (!seen.add(c.name())) {
        problems.add("parameter name '" + c.name() + "' is used twice");
      }
    }
    SettingsException.throwIfAny(problems);
    return new Prior(coordinates);
  }

  /** A prior from its coordinates; names must be distinct. */
  public static Prior of(Coordinate... coordinates) {
    return of(List.of(coordinates));
  }

  /** Uniform on the box [low, high]^dimension, parameters named {@code x0 … x(d-1)}. */
  public static Prior uniformBox(int dimension, double low, double high) {
    return uniformBox(defaultNames(dimension), low, high);
  }

  /** Uniform on the box [low, high]^d with the given parameter names. */
  public static Prior uniformBox(List<String> names, double low, double high) {
    List<Coordinate> coords = new ArrayList<>();
    for (String name : names) {
      coords.add(Coordinate.uniform(name, low, high));
    }
    return of(coords);
  }

  /** The names {@code x0 … x(d-1)}. */
  public static List<String> defaultNames(int dimension) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add("x" + i);
    }
    return names;
  }

  public int dimension() {
    return coordinates.size();
  }

  public List<Coordinate> coordinates() {
    return coordinates;
  }

  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Coordinate c : coordinates) {
      names.add(c.name());
    }
    return names;
  }

  public List<Boundary> boundaries() {
    List<Boundary> result = new ArrayList<>();
    for (Coordinate c : coordinates) {
      result.add(c.boundary());
    }
    return result;
  }

  @Override
  public double[] theta(double[] unitCube) {
    double[] theta = new double[unitCube.length];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = coordinates.get(i).theta(unitCube[i]);
    }
    return theta;
  }

  @Override
  public String toString() {
    return coordinates.toString();
  }
}
