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

  @Test
  void aDeviceWithOldReadingsIsStaleNeverOnline() {
    java.time.Duration offline = java.time.Duration.ofMinutes(10);
    assertThat(DeviceHealth.stateOf(true, T.minusSeconds(60), T, offline))
        .isEqualTo(DeviceHealth.ONLINE);
    // messages arrive, the newest reading is ten days old: issue 17's building
    assertThat(DeviceHealth.stateOf(true, T.minus(java.time.Duration.ofDays(10)), T, offline))
        .isEqualTo(DeviceHealth.STALE);
    assertThat(DeviceHealth.stateOf(true, T.minus(offline).minusSeconds(1), T, offline))
        .isEqualTo(DeviceHealth.STALE);
    assertThat(DeviceHealth.stateOf(true, null, T, offline)).isEqualTo(DeviceHealth.STALE);
    assertThat(DeviceHealth.stateOf(false, T, T, offline)).isEqualTo(DeviceHealth.OFFLINE);

    BuildingHealth building =
        OpsService.summarise(
            "b-1", "Haus", true, List.of(device("a", DeviceHealth.STALE, T, 0, Map.of())));
    assertThat(building.online()).isZero();
    assertThat(building.stale()).isEqualTo(1);
    assertThat(building.neverSeen()).isZero();
  }

  private static DeviceHealth device(
      String id, String state, Instant lastSeen, double rate, Map<String, Long> quarantine) {
    return new DeviceHealth(
        id, "b-1", true, state, lastSeen, lastSeen, lastSeen, rate, 1, 1, quarantine);
  }
}
