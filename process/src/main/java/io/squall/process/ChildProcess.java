package io.squall.process;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running child: its pipes, a thread that forwards its stderr to the log (tagged with the
 * child's number, pid and the worker thread that started it), and a watchdog that kills it when an
 * exchange outlasts its timeout. Used by one thread at a time.
 */
final class ChildProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final int STDERR_TAIL_LINES = 20;
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "squall-process-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  private final Process process;
  private final InputStream stdout;
  private final OutputStream stdin;
  private final String tag;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final ProcessProtocol.Handshake handshake;

  private ChildProcess(Process process, String tag, Duration startTimeout) throws IOException {
    this.process = process;
    this.tag = tag;
    this.stdout = new BufferedInputStream(process.getInputStream(), 1 << 16);
    this.stdin = process.getOutputStream();
    Thread pump = new Thread(this::forwardStderr, "squall-process-stderr-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    this.handshake = watched(startTimeout, () -> ProcessProtocol.readHandshake(stdout));
  }

  /** Starts the child of {@code settings} and reads its handshake. */
  static ChildProcess start(ProcessSettings settings, int number) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(settings.command())
        .directory(settings.workingDirectory().toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .redirectError(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(settings.environment());
    Process process = builder.start();
    String tag = "child " + number + " pid " + process.pid() + " of " + Thread.currentThread().getName();
    try {
      return new ChildProcess(process, tag, settings.startTimeout());
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  ProcessProtocol.Handshake handshake() {
    return handshake;
  }

  String tag() {
    return tag;
  }

  /** Sends one request and reads its reply of n × width values, killing the child after {@code timeout}. */
  double[][] exchange(byte[] request, int n, int width, Duration timeout) throws IOException {
    return watched(timeout, () -> {
      stdin.write(request);
      stdin.flush();
      return ProcessProtocol.readReply(stdout, n, width);
    });
  }

  /** An I/O step under the watchdog: past {@code timeout} the child is killed and the step fails. */
  private <T> T watched(Duration timeout, IoStep<T> step) throws IOException {
    ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
      timedOut.set(true);
      process.destroyForcibly();
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return step.run();
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new TimeoutIOException("it did not answer within " + timeout.toMillis() / 1000.0
            + " s (task-timeout-s / start-timeout-s) and was killed");
      }
      if (e instanceof ProcessProtocol.GarbageException || e instanceof ChildErrorException) {
        throw e;
      }
      throw new IOException(died(e), e);
    } finally {
      alarm.cancel(false);
    }
  }

  /** Why the pipe broke: the exit code when the child has exited, and the end of its stderr. */
  private String died(IOException e) {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        Thread.sleep(100); // let the stderr pump catch the last lines
        return "it exited with code " + process.exitValue() + stderrTail();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return e.getMessage() + stderrTail();
  }

  /** The last lines the child wrote to stderr, for error messages. */
  String stderrTail() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "" : "; its stderr ended with: " + String.join(" | ", stderrTail);
    }
  }

  private void forwardStderr() {
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        LOG.info("[{}] {}", tag, line);
        synchronized (stderrTail) {
          stderrTail.addLast(line);
          if (stderrTail.size() > STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the child is gone
    }
  }

  /** Closes the child's stdin (a well-behaved child exits on end of input), then kills it. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Kills the child at once (after a failure). */
  void kill() {
    process.destroyForcibly();
  }

  /** One blocking step of I/O. */
  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }

  /** The child outlasted its timeout and was killed. */
  static final class TimeoutIOException extends IOException {
    private static final long serialVersionUID = 1L;

    TimeoutIOException(String message) {
      super(message);
    }
  }
}
