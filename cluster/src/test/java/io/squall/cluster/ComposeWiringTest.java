package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/docker-compose.yml without a Docker engine: its services run the entry point script
 * (docker/entrypoint.sh) with the environment the file gives them, as separate processes on
 * 127.0.0.1 (the container addresses become loopback, the master's port a free one), and the
 * run matches the sequential one. Also checks that every variable the file sets is one Squall
 * reads.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ComposeWiringTest {
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z_]+)(?::-([^}]*))?}");

  @TempDir Path dir;

  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("docker/docker-compose.yml"))) {
        return p;
      }
    }
    throw new AssertionError("no docker/docker-compose.yml above " + here);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    try (Reader reader = Files.newBufferedReader(repository().resolve("docker/docker-compose.yml"))) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  /** The service's environment with compose's ${VAR:-default} interpolation applied (defaults). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>();
    ((Map<String, Object>) service.get("environment")).forEach((key, value) -> {
      Matcher m = INTERPOLATION.matcher(String.valueOf(value));
      env.put(key, m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2))));
    });
    return env;
  }

  @Test
  void theServicesRunTheRolesAndSetOnlyVariablesThatSquallReads() throws IOException {
    Map<String, Object> compose = compose();
    Map<String, Object> master = service(compose, "master");
    Map<String, Object> worker = service(compose, "worker");
    assertEquals(List.of("master"), master.get("command"));
    assertEquals(List.of("worker"), worker.get("command"));
    assertFalse(worker.containsKey("container_name") || worker.containsKey("ports"),
        "the worker must scale: no fixed name or host port");
    String documented = Files.readString(repository().resolve("conf/squall.conf"))
        + Files.readString(repository().resolve("docker/entrypoint.sh"));
    Set<String> unknown = new TreeSet<>();
    for (Map<String, Object> service : List.of(master, worker)) {
      environment(service).keySet().stream().filter(k -> !documented.contains(k)).forEach(unknown::add);
    }
    assertTrue(unknown.isEmpty(), "variables Squall does not read: " + unknown);
    assertEquals("master:25520", environment(worker).get("SQUALL_SEED_NODES"));
    assertEquals("master", environment(master).get("SQUALL_HOST"));
  }

  @Test
  void theComposeServicesRunAsProcessesOnLoopbackAndMatchTheSequentialRun() throws IOException {
    Path config = TestFiles.write(dir, "cluster.conf", ClusterModeTest.SAMPLER);
    Path sequential = dir.resolve("sequential");
    StringWriter err = new StringWriter();
    assertEquals(0, SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", config.toString(), "--workers", "0", "--out", sequential.toString()), err.toString());

    Map<String, Object> compose = compose();
    int port = NodeProcesses.freePort();
    Map<String, String> loopback = Map.of(
        "SQUALL_CONFIG", config.toString(),
        "SQUALL_PARAMS", "dim=2,derived=true,delay-ms=2",
        "SQUALL_WORKERS", "1");
    Map<String, String> masterEnv = environment(service(compose, "master"));
    masterEnv.putAll(loopback);
    masterEnv.put("SQUALL_HOST", "127.0.0.1");
    masterEnv.put("SQUALL_PORT", Integer.toString(port));
    masterEnv.put("SQUALL_SEED_NODES", masterEnv.get("SQUALL_SEED_NODES").replace("master:25520", "127.0.0.1:" + port));
    masterEnv.put("SQUALL_OUT", dir.resolve("out").toString());
    Map<String, String> workerEnv = environment(service(compose, "worker"));
    workerEnv.putAll(loopback);
    workerEnv.put("SQUALL_HOST", "127.0.0.1");
    workerEnv.put("SQUALL_SEED_NODES", workerEnv.get("SQUALL_SEED_NODES").replace("master:25520", "127.0.0.1:" + port));

    Path script = repository().resolve("docker/entrypoint.sh");
    try (NodeProcesses nodes = new NodeProcesses(dir)) {
      NodeProcesses.Node master = nodes.entrypoint("master", script, masterEnv, "master");
      NodeProcesses.Node worker1 = nodes.entrypoint("worker-1", script, workerEnv, "worker");
      NodeProcesses.Node worker2 = nodes.entrypoint("worker-2", script, workerEnv, "worker");
      assertEquals(0, master.exitCode(ClusterModeTest.RUN), nodes.outputs());
      assertEquals(0, worker1.exitCode(Duration.ofSeconds(60)), nodes.outputs());
      assertEquals(0, worker2.exitCode(Duration.ofSeconds(60)), nodes.outputs());
      assertArrayEquals(Files.readAllBytes(sequential.resolve(ResultsWriter.SAMPLES)),
          Files.readAllBytes(dir.resolve("out").resolve(ResultsWriter.SAMPLES)), nodes.outputs());
      assertTrue(master.output().contains("model gaussian {delay-ms=2, derived=true, dim=2}"), master.output());
    }
  }
}
