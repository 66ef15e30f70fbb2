package de.vorlauf.webadmin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsServiceTest {

  private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void buildingSumsItsDevices() {
    List<DeviceHealth> devices =
        List.of(
            device("a", DeviceHealth.ONLINE, T, 12.0, Map.of("out_of_range", 2L)),
            device(
                "b",
                DeviceHealth.OFFLINE,
                T.minusSeconds(900),
                0,
                Map.of("out_of_range", 1L, "unknown_unit", 4L)),
            device("c", DeviceHealth.NEVER_SEEN, null, 0, Map.of()));

    BuildingHealth building = OpsService.summarise("b-1", "Haus", true, devices);

    assertThat(building.devices()).isEqualTo(3);
    assertThat(building.online()).isEqualTo(1);
    assertThat(building.offline()).isEqualTo(1);
    assertThat(building.neverSeen()).isEqualTo(1);
    assertThat(building.lastSeen()).isEqualTo(T);
    assertThat(building.readingsPerMinute()).isEqualTo(12.0);
    assertThat(building.quarantineByReason())
        .containsExactly(Map.entry("out_of_range", 3L), Map.entry("unknown_unit", 4L));
  }

  private static DeviceHealth device(
      String id, String state, Instant lastSeen, double rate, Map<String, Long> quarantine) {
    return new DeviceHealth(
        id, "b-1", true, state, lastSeen, lastSeen, lastSeen, rate, 1, 1, quarantine);
  }
}
