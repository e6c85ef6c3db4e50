package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareSignatureTest {
  @TempDir Path dir;

  @Test
  void theSignatureOfThisMachineIsStableAndNamesItsParts() {
    HardwareSignature a = HardwareSignature.current();
    assertEquals(a, HardwareSignature.current());
    assertEquals(a.hash(), HardwareSignature.current().hash());
    assertTrue(a.hash().matches("[0-9a-f]{16}"), a.hash());
    assertEquals(Runtime.getRuntime().availableProcessors(), a.cores());
    assertTrue(a.jvm().contains(System.getProperty("java.version")), a.jvm());
    assertTrue(!a.cpuModel().isBlank());
  }

  @Test
  void everyPartChangesTheHash() {
    HardwareSignature a = new HardwareSignature("Xeon", 2, 1L << 33, "jdk 17");
    assertNotEquals(a.hash(), new HardwareSignature("Epyc", 2, 1L << 33, "jdk 17").hash());
    assertNotEquals(a.hash(), new HardwareSignature("Xeon", 4, 1L << 33, "jdk 17").hash());
    assertNotEquals(a.hash(), new HardwareSignature("Xeon", 2, 1L << 34, "jdk 17").hash());
    assertNotEquals(a.hash(), new HardwareSignature("Xeon", 2, 1L << 33, "jdk 21").hash());
  }

  @Test
  void cpuModelComesFromProcCpuinfo() throws IOException {
    Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
        "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n");
    assertEquals(Optional.of("Intel(R) Xeon(R) CPU @ 2.20GHz"), HardwareSignature.cpuModel(cpuinfo));
    assertEquals(Optional.empty(), HardwareSignature.cpuModel(dir.resolve("missing")));
  }
}
