package io.squall.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundaryTest {
  @Test
  void insideIsUnchanged() {
    for (Boundary b : Boundary.values()) {
      assertEquals(0.3, b.map(0.3));
    }
  }

  @Test
  void noneRejectsOutside() {
    assertTrue(Double.isNaN(Boundary.NONE.map(-0.01)));
    assertTrue(Double.isNaN(Boundary.NONE.map(1.2)));
  }

  @Test
  void periodicWraps() {
    assertEquals(0.75, Boundary.PERIODIC.map(-0.25), 1e-15);
    assertEquals(0.25, Boundary.PERIODIC.map(1.25), 1e-15);
    assertEquals(0.5, Boundary.PERIODIC.map(3.5), 1e-15);
  }

  @Test
  void reflectiveFolds() {
    assertEquals(0.25, Boundary.REFLECTIVE.map(-0.25), 1e-15);
    assertEquals(0.75, Boundary.REFLECTIVE.map(1.25), 1e-15);
    assertEquals(0.5, Boundary.REFLECTIVE.map(2.5), 1e-15);
    assertEquals(0.5, Boundary.REFLECTIVE.map(-1.5), 1e-15);
  }
}
