package io.squall.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Separate JVMs (or the docker entry point script) running {@code squall master} and
 * {@code squall worker} on the loopback address, for the cluster tests. Every process writes its
 * output to a file in the test's folder; {@link #close()} kills whatever still runs, so that no
 * process outlives its test.
 */
final class NodeProcesses implements AutoCloseable {
  /**
   * JVM options of the nodes: small, quick to start, nothing that changes results (C1 only, so
   * slower code: not for timings). {@code -Dsquall.nodes.jvm-options="..."} replaces them, e.g.
   * with nothing for the JVM's defaults, as {@code ./squall} runs; {@link ClusterBenchmark} does.
   */
  static final List<String> JVM_OPTIONS = jvmOptions();

  private static List<String> jvmOptions() {
    String given = System.getProperty("squall.nodes.jvm-options");
    if (given == null) {
      return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    }
    return given.isBlank() ? List.of() : List.of(given.trim().split("\\s+"));
  }
  private static final String LOOPBACK = "127.0.0.1";

  private final Path dir;
  private final List<Node> nodes = new ArrayList<>();

  NodeProcesses(Path dir) {
    this.dir = dir;
  }

  /** A started node: its process and the file that receives its stdout and stderr. */
  record Node(String name, Process process, Path log) {
    /** What the node printed so far. */
    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits until the output contains {@code text}; fails if the node exits first or time runs out. */
    void awaitOutput(String text, Duration timeout) {
      awaitOutput(out -> out.contains(text), "'" + text + "'", timeout);
    }

    void awaitOutput(Predicate<String> condition, String what, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (condition.test(output())) {
          return;
        }
        if (!process.isAlive()) {
          if (condition.test(output())) {
            return;
          }
          throw new AssertionError(name + " exited with " + process.exitValue() + " before printing " + what
              + ":\n" + output());
        }
        sleep(100);
      }
      throw new AssertionError(name + " did not print " + what + " within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end and returns its exit code; fails after {@code timeout}. */
    int exitCode(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(name + " still runs after " + timeout + ":\n" + output());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      return process.exitValue();
    }
  }

  /** A free TCP port on the loopback address (free when asked; the node binds it a moment later). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment of a node on the loopback address that joins through {@code masterPort}. */
  static Map<String, String> loopbackEnvironment(int port, int masterPort) {
    Map<String, String> env = new HashMap<>();
    env.put("SQUALL_HOST", LOOPBACK);
    env.put("SQUALL_PORT", Integer.toString(port));
    env.put("SQUALL_SEED_NODES", LOOPBACK + ":" + masterPort);
    return env;
  }

  /** Starts {@code squall ARGS} in a new JVM with this test's classpath and {@code env}. */
  Node squall(String name, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SquallCli.class.getName());
    command.addAll(List.of(args));
    return start(name, command, env);
  }

  /** Starts {@code docker/entrypoint.sh ARGS} with this test's classpath as the application. */
  Node entrypoint(String name, Path script, Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("JAVA_HOME", System.getProperty("java.home"));
    all.put("SQUALL_APP_CLASSPATH", System.getProperty("java.class.path"));
    all.put("SQUALL_JAVA_OPTS", String.join(" ", JVM_OPTIONS));
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    return start(name, command, all);
  }

  private Node start(String name, List<String> command, Map<String, String> env) {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SQUALL_"));
    builder.environment().putAll(env);
    try {
      Node node = new Node(name, builder.start(), log);
      nodes.add(node);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output of every node, for failure messages. */
  String outputs() {
    StringBuilder sb = new StringBuilder();
    for (Node node : nodes) {
      sb.append("\n----- ").append(node.name()).append(" -----\n").append(node.output());
    }
    return sb.toString();
  }

  /** Kills every node still running and waits for it to be gone. */
  @Override
  public void close() {
    for (Node node : nodes) {
      node.process().descendants().forEach(ProcessHandle::destroyForcibly);
      node.process().destroyForcibly();
    }
    for (Node node : nodes) {
      try {
        node.process().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
