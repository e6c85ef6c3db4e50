package io.squall.cluster;

import io.squall.actors.RunStalledException;
import io.squall.sampler.CheckpointException;
import io.squall.sampler.LikelihoodException;
import io.squall.sampler.SettingsException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into {@code squall: error: <message>} on stderr and an exit code: {@value
 * #USAGE} for usage, settings and unreadable checkpoint files, {@value #FAILURE} for failures during the run. A
 * settings problem list prints one problem per line. Stack traces only with {@code --verbose}.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  /** Exit code of bad command lines, settings and models. */
  static final int USAGE = CommandLine.ExitCode.USAGE;
  /** Exit code of failures while running or writing results. */
  static final int FAILURE = CommandLine.ExitCode.SOFTWARE;
  private static final String PREFIX = "squall: error: ";

  /** A command with a {@code --verbose} option. */
  interface Verbose {
    boolean verbose();
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
    print(cmd.getErr(), PREFIX + ex.getMessage() + suggestion(ex) + " (" + help + ")");
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    int code = report(ex, err);
    if (cmd.getCommand() instanceof Verbose v && v.verbose()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static int report(Exception ex, PrintWriter err) {
    if (ex instanceof SettingsException settings) {
      printProblems(settings.problems(), err);
      return USAGE;
    }
    if (ex instanceof CheckpointException) {
      print(err, PREFIX + ex.getMessage());
      return USAGE;
    }
    if (ex instanceof ClusterException cluster) {
      print(err, PREFIX + ex.getMessage());
      return cluster.exitCode();
    }
    if (ex instanceof LikelihoodException || ex instanceof OutputException || ex instanceof RunStalledException) {
      print(err, PREFIX + ex.getMessage());
      return FAILURE;
    }
    print(err, PREFIX + ModelResolver.describe(ex) + " (run with --verbose for the stack trace)");
    return FAILURE;
  }

  private static void printProblems(List<String> problems, PrintWriter err) {
    if (problems.size() == 1) {
      print(err, PREFIX + problems.get(0));
      return;
    }
    print(err, PREFIX + problems.size() + " problems:");
    problems.forEach(p -> print(err, "  - " + p));
  }

  private static String suggestion(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    return "";
  }

  private static void print(PrintWriter err, String line) {
    err.println(line);
    err.flush();
  }
}
