package de.vorlauf.webadmin.buildingpage;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.webadmin.ops.FleetDeviceDto;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildingConnectivityTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final Duration OFFLINE = Duration.ofMinutes(10);

  @Test
  void aBuildingWhoseNewestReadingIsOlderThanTheOfflineTimeIsNeverOnline() {
    List<FleetDeviceDto> online = List.of(device("a", "online"));
    assertThat(BuildingConnectivity.of(true, online, NOW.minusSeconds(30), OFFLINE, NOW))
        .isEqualTo("online");
    // the devices' rows say online, the newest reading is ten days old: stale
    assertThat(BuildingConnectivity.of(true, online, NOW.minus(Duration.ofDays(10)), OFFLINE, NOW))
        .isEqualTo("stale");
    assertThat(BuildingConnectivity.of(true, online, null, OFFLINE, NOW)).isEqualTo("stale");
  }

  @Test
  void theWorstDeviceNamesTheBuilding() {
    Instant fresh = NOW.minusSeconds(30);
    assertThat(
            BuildingConnectivity.of(
                true, List.of(device("a", "online"), device("b", "stale")), fresh, OFFLINE, NOW))
        .isEqualTo("stale");
    assertThat(
            BuildingConnectivity.of(
                true, List.of(device("a", "stale"), device("b", "offline")), fresh, OFFLINE, NOW))
        .isEqualTo("offline");
    assertThat(BuildingConnectivity.of(true, List.of(), fresh, OFFLINE, NOW))
        .isEqualTo("no_devices");
    assertThat(BuildingConnectivity.of(false, List.of(device("a", "online")), fresh, OFFLINE, NOW))
        .isEqualTo("inactive");
  }

  private static FleetDeviceDto device(String id, String state) {
    return new FleetDeviceDto(id, true, null, state, NOW, NOW, NOW, 1, 1, 0, Map.of(), null);
  }
}
