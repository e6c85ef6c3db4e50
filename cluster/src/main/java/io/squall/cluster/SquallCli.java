package io.squall.cluster;

/** Placeholder. */
public final class SquallCli {
  private SquallCli() {}

  public static void main(String[] args) {}
}
