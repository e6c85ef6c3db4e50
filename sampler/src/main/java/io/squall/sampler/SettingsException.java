package io.squall.sampler;

import java.util.List;

/** Invalid settings or model definition; the message lists every problem found, one per line. */
public final class SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<String> problems() {
    return problems;
  }

  /** Throws a {@code SettingsException} listing {@code problems} unless the list is empty. */
  public static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }
}
