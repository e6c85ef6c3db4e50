package io.squall.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.squall.sampler.SettingsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamParserTest {
  @Test
  void parsesKeyValuePairsInOrderLaterWinning() {
    Map<String, String> params = ParamParser.parse(List.of("dim=3", " sigma = 0.5", "dim=4", "expr=a=b", "empty="));
    assertEquals(List.of("dim", "sigma", "expr", "empty"), List.copyOf(params.keySet()));
    assertEquals(Map.of("dim", "4", "sigma", "0.5", "expr", "a=b", "empty", ""), params);
  }

  @Test
  void namesEveryArgumentWithoutAKey() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> ParamParser.parse(List.of("dim10", "ok=1", "=5")));
    assertEquals(List.of("--param 'dim10' must look like key=value",
        "--param '=5' must look like key=value"), e.problems());
  }
}
