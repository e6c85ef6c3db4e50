package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/squall.slurm without SLURM: the script runs unchanged under stand-ins for {@code srun}
 * (starts the command once per task with {@code SLURM_PROCID} set, as SLURM does), {@code scontrol}
 * and {@code hostname} (both answer 127.0.0.1, so every node stays on loopback), on a pretend
 * allocation of three tasks: one master and two worker nodes, which must reproduce the sequential
 * run byte for byte and all exit 0.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlurmScriptTest {
  @TempDir Path dir;

  private Path executable(String name, String... lines) throws IOException {
    Path file = dir.resolve("bin").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void theBatchScriptRunsAMasterAndWorkersThatMatchTheSequentialRun() throws Exception {
    Path config = TestFiles.write(dir, "cluster.conf", ClusterModeTest.SAMPLER);
    StringWriter err = new StringWriter();
    assertEquals(0, SquallCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("run", "--config", config.toString(), "--workers", "0", "--out", dir.resolve("sequential").toString()),
        err.toString());

    executable("scontrol", "#!/bin/sh", "[ \"$1 $2\" = 'show hostnames' ] || exit 2", "echo 127.0.0.1", "echo 127.0.0.1",
        "echo 127.0.0.1");
    executable("hostname", "#!/bin/sh", "echo 127.0.0.1");
    executable("srun", "#!/bin/bash",
        "while [ \"${1#--}\" != \"$1\" ]; do shift; done",
        "pids=()",
        "for ((p = 0; p < SLURM_NTASKS; p++)); do SLURM_PROCID=$p \"$@\" & pids+=($!); done",
        "code=0",
        "for pid in \"${pids[@]}\"; do wait \"$pid\" || code=$?; done",
        "exit $code");
    Path squall = executable("squall", "#!/bin/sh",
        "exec \"" + Path.of(System.getProperty("java.home"), "bin", "java") + "\" "
            + String.join(" ", NodeProcesses.JVM_OPTIONS) + " -cp \"$SQUALL_TEST_CLASSPATH\" "
            + SquallCli.class.getName() + " \"$@\"");

    ProcessBuilder builder = new ProcessBuilder("bash", ClusterModeTest.repositoryFile("docker/squall.slurm").toString(),
        "--config", config.toString(), "--param", "delay-ms=2")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SQUALL_") || key.startsWith("SLURM_"));
    builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    builder.environment().put("SQUALL", squall.toString());
    builder.environment().put("SQUALL_TEST_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("SQUALL_PORT", Integer.toString(NodeProcesses.freePort()));
    builder.environment().put("SLURM_JOB_NODELIST", "node[1-3]");
    builder.environment().put("SLURM_NTASKS", "3");
    builder.environment().put("SLURM_CPUS_PER_TASK", "1");
    builder.environment().put("SLURM_SUBMIT_DIR", dir.toString());
    Process job = builder.start();
    job.getOutputStream().close();
    try {
      assertTrue(job.waitFor(150, TimeUnit.SECONDS), "the job still runs:\n" + Files.readString(dir.resolve("job.log")));
    } finally {
      job.descendants().forEach(ProcessHandle::destroyForcibly);
      job.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("job.log"));
    assertEquals(0, job.exitValue(), log);
    assertArrayEquals(Files.readAllBytes(dir.resolve("sequential").resolve(ResultsWriter.SAMPLES)),
        Files.readAllBytes(dir.resolve("results").resolve(ResultsWriter.SAMPLES)), log);
    assertTrue(log.contains("sampling starts with 2 worker(s) on 2 node(s)"), log);
  }
}
