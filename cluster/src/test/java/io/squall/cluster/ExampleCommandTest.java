package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code squall example pi|add} in this JVM: sequential and local workers agree, the checks bite. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExampleCommandTest {
  private static final Pattern ESTIMATE = Pattern.compile("pi ≈ ([0-9.]+)");

  private static CliRun squall(String... args) {
    return CliRun.squall(args);
  }

  static String estimate(String out) {
    Matcher m = ESTIMATE.matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }

  @Test
  void piIsTheSameSequentiallyAndOnLocalWorkers() {
    CliRun sequential = squall("example", "pi", "--workers", "0", "--samples", "2000000", "--chunks", "50");
    assertEquals(0, sequential.exitCode(), sequential.err());
    CliRun local = squall("example", "pi", "--workers", "3", "--samples", "2000000", "--chunks", "50");
    assertEquals(0, local.exitCode(), local.err());
    assertEquals(estimate(sequential.out()), estimate(local.out()));
    assertTrue(local.out().contains("3 workers"), local.out());
    CliRun otherSeed = squall("example", "pi", "--workers", "0", "--samples", "2000000", "--chunks", "50",
        "--seed", "7");
    assertTrue(!estimate(otherSeed.out()).equals(estimate(sequential.out())), otherSeed.out());
  }

  @Test
  void addChecksItsOwnResult() {
    CliRun add = squall("example", "add", "--workers", "2", "--size", "100003", "--chunk", "1000");
    assertEquals(0, add.exitCode(), add.err());
    assertTrue(add.out().contains("all 100003 elements equal the sequential sum (101 chunks of 1000"), add.out());
  }

  @Test
  void badUsageIsOneClearErrorWithExitTwo() {
    CliRun none = squall("example");
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("name an example: pi or add"), none.err());
    CliRun chunks = squall("example", "pi", "--samples", "10", "--chunks", "20", "--workers", "0");
    assertTrue(chunks.exitCode() != 0);
    assertTrue(chunks.err().contains("samples ≥ chunks"), chunks.err());
    CliRun size = squall("example", "add", "--size", "0");
    assertEquals(2, size.exitCode());
    assertTrue(size.err().contains("--size and --chunk must be at least 1"), size.err());
  }
}
