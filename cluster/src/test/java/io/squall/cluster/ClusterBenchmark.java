package io.squall.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cluster mode on loopback, measured: a master JVM and worker JVMs (one worker actor each) run
 * the 2-D… 4-D gaussian with a per-point cost, and the master's summary.json gives the evaluation
 * time, the workers' busy time and the tasks. Cases:
 * <ul>
 *   <li>{@code rtt}: one worker, one-point tasks, one credit, no cost: every task is a full round
 *       trip master → worker → master, so evaluation time ÷ tasks is the round trip per task;
 *   <li>{@code eff}: one or two workers, cost 1 ms or 10 ms per point, automatic task sizes,
 *       credits as given: efficiency Σ busy ÷ (W × evaluation time), Σ busy ÷ (W × wall time), and
 *       against the ideal, calls × cost ÷ (W × evaluation time); {@code -Dbench.minTaskTime}
 *       (default 5ms) sets squall.cluster.tasks.min-task-time, {@code -Dbench.total} the
 *       total-samples of the 1 ms cases (default 2048), {@code -Dbench.active} their active
 *       particles (default 256, effective particles twice that), {@code -Dbench.delayKind=sleep} makes the
 *       per-point cost a sleep instead of a busy-wait (the model's {@code delay-kind}): the workers
 *       then leave the CPU to the master, as workers on machines of their own would.
 * </ul>
 * Not a test: {@code java -cp <cluster test classpath> io.squall.cluster.ClusterBenchmark [repeats]
 * [credits...]}. Nodes run with the JVM's default options, as {@code ./squall} starts them. Waits
 * for a quiet machine before each run and prints the 1-minute load average.
 */
public final class ClusterBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DELAY_KIND = System.getProperty("bench.delayKind", "spin");

  private ClusterBenchmark() {}

  record Case(String name, int dim, int active, int effective, int total, double delayMs, int workers,
      int pointsPerTask, int credits) {}

  public static void main(String[] args) throws Exception {
    // nodes with the JVM's default options, as ./squall starts them (the tests' C1-only JVMs are
    // quick to start but not for timings); -Dsquall.nodes.jvm-options="..." to choose others
    System.setProperty("squall.nodes.jvm-options", System.getProperty("squall.nodes.jvm-options", ""));
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    List<Integer> credits = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      credits.add(Integer.parseInt(args[i]));
    }
    if (credits.isEmpty()) {
      credits.add(2);
    }
    String only = System.getProperty("bench.only", "");
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("rtt", 4, 64, 128, 512, 0, 1, 1, 1));
    // -Dbench.total: total-samples of the 1 ms cases (default 2048, a half-minute run); larger
    // values lengthen the run and so shrink the share of JVM start-up and JIT compilation.
    int total = Integer.getInteger("bench.total", 2048);
    // -Dbench.active: active particles of the 1 ms cases (default 256; effective = twice that)
    int active = Integer.getInteger("bench.active", 256);
    for (int c : credits) {
      cases.add(new Case("eff-1ms-1w", 4, active, 2 * active, total, 1, 1, 0, c));
      cases.add(new Case("eff-1ms", 4, active, 2 * active, total, 1, 2, 0, c));
      cases.add(new Case("eff-10ms", 4, 64, 128, 512, 10, 2, 0, c));
    }
    System.out.println("case dim W credits calls tasks points/task wall_s eval_s busy_s eff_eval eff_wall "
        + "eff_ideal_eval eval_ms_per_task load1_before load1_after");
    for (int r = 0; r < repeats; r++) {
      for (Case c : cases) {
        if (!only.isEmpty() && !c.name().matches(only)) {
          continue;
        }
        waitForQuiet();
        double before = load1();
        String line = run(c);
        System.out.println(line + String.format(Locale.ROOT, " %.2f %.2f", before, load1()));
      }
    }
  }

  static String run(Case c) throws IOException {
    Path dir = Files.createTempDirectory("squall-bench");
    Path config = TestFiles.write(dir, "bench.conf", String.join("\n",
        "squall.sampler { active-particles = " + c.active() + ", effective-particles = " + c.effective()
            + ", total-samples = " + c.total() + " }",
        "squall.model { name = gaussian, params { dim = " + c.dim() + ", delay-ms = " + c.delayMs()
            + ", delay-kind = " + DELAY_KIND + " } }",
        "squall.tasks.points-per-task = " + Integer.getInteger("bench.pointsPerTask", c.pointsPerTask()),
        "squall.cluster.tasks { max-tasks-per-worker = " + c.credits() + ", min-task-time = "
            + System.getProperty("bench.minTaskTime", "5ms") + " }",
        System.getProperty("bench.extraConfig", ""),
        ""));
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      int port = NodeProcesses.freePort();
      NodeProcesses.Node master = nodes.squall("master", NodeProcesses.loopbackEnvironment(port, port), "master",
          "--config", config.toString(), "--min-workers", Integer.toString(c.workers()), "--out",
          dir.resolve("out").toString());
      for (int i = 0; i < c.workers(); i++) {
        Map<String, String> env = NodeProcesses.loopbackEnvironment(0, port);
        env.put("SQUALL_WORKERS", "1");
        nodes.squall("worker-" + i, env, "worker", "--config", config.toString());
      }
      int code = master.exitCode(Duration.ofMinutes(10));
      if (code != 0) {
        throw new IllegalStateException("master exited with " + code + nodes.outputs());
      }
      JsonNode summary = JSON.readTree(dir.resolve("out").resolve(ResultsWriter.SUMMARY).toFile());
      long tasks = 0;
      long points = 0;
      double busy = 0;
      for (JsonNode w : summary.get("workerStats")) {
        tasks += w.get("tasks").asLong();
        points += w.get("points").asLong();
        busy += w.get("busySeconds").asDouble();
      }
      double wall = summary.get("wallSeconds").asDouble();
      double eval = summary.get("evaluationSeconds").asDouble();
      double ideal = summary.get("likelihoodCalls").asLong() * c.delayMs() * 1e-3 / c.workers();
      String name = DELAY_KIND.equals("spin") ? c.name() : c.name() + "-" + DELAY_KIND;
      return String.format(Locale.ROOT, "%s %d %d %d %d %d %.1f %.2f %.2f %.2f %.4f %.4f %.4f %.3f", name, c.dim(),
          c.workers(), c.credits(), summary.get("likelihoodCalls").asLong(), tasks, (double) points / tasks, wall,
          eval, busy, busy / (c.workers() * eval), busy / (c.workers() * wall), ideal / eval, eval / tasks * 1e3);
    }
  }

  private static double load1() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
  }

  /** Waits up to 60 s for the machine's busy time to fall below 0.15 cores. */
  private static void waitForQuiet() throws IOException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < 60e9) {
      double a = busy();
      sleep(1000);
      if (busy() - a < 0.15) {
        return;
      }
    }
  }

  private static double busy() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i <= 8 && i < f.length; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(f[i]);
      }
    }
    return busy / 100.0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
