package io.squall.cluster;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code squall} command line. Subcommands: {@code run} (sample a model and write its
 * results), {@code master} and {@code worker} (the nodes of a cluster run). Exit codes: 0 success, 1 failure during a run, 2 bad usage, settings or model.
 */
@Command(
    name = "squall",
    mixinStandardHelpOptions = true,
    versionProvider = SquallVersion.class,
    description = "Squall: Persistent Sampling (sequential Monte Carlo) for Bayesian evidence and "
        + "posteriors on the JVM.",
    subcommands = {RunCommand.class, MasterCommand.class, WorkerCommand.class, TuneCommand.class,
        ExampleCommand.class},
    footer = {"", "Run 'squall COMMAND --help' for the options of a command.",
        "Exit codes: 0 success, 1 failure during a run, 2 bad usage, settings or model."})
public final class SquallCli implements Runnable {
  @Spec private CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Initialise logging before any actor system starts logging from its own threads, which
    // would make SLF4J print replay warnings.
    LoggerFactory.getILoggerFactory();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(commandLine(out, err).execute(args));
  }

  /** The configured command line, printing to {@code out} and {@code err}; call {@code execute}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CliErrors errors = new CliErrors();
    CommandLine cmd = new CommandLine(new SquallCli())
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    RunCommand.addModelHelp(cmd.getSubcommands().get("run"));
    return cmd;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'squall run'");
  }
}
