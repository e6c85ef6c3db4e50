package io.squall.cluster;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code squall ARGS} in this JVM and keeps its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun squall(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SquallCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
