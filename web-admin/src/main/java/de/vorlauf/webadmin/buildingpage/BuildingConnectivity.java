package de.vorlauf.webadmin.buildingpage;

import de.vorlauf.webadmin.ops.FleetDeviceDto;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one word at the top of the building page, from its active devices' triage states (the fleet's
 * rule: offline, stale, online): online only when every active device is online and the building's
 * newest reading is younger than the offline time. A building whose newest reading is older is
 * never called online, whatever its devices' messages say (issue 17: a building showed "online"
 * while its newest reading was ten days old).
 */
final class BuildingConnectivity {

  static final String ONLINE = "online";
  static final String NO_DEVICES = "no_devices";

  private BuildingConnectivity() {}

  /**
   * @param lastReading the newest reading's own time of any of its devices; null for none
   * @return {@code online}, {@code offline}, {@code stale}, {@code never_seen}, {@code inactive} or
   *     {@code no_devices}
   */
  static String of(
      boolean active,
      List<FleetDeviceDto> devices,
      Instant lastReading,
      Duration offlineAfter,
      Instant now) {
    if (!active) {
      return "inactive";
    }
    List<String> states = new ArrayList<>();
    for (FleetDeviceDto d : devices) {
      if (d.active()) {
        states.add(d.state());
      }
    }
    if (states.isEmpty()) {
      return NO_DEVICES;
    }
    for (String worst : List.of("offline", "stale", "never_seen")) {
      if (states.contains(worst)) {
        return worst;
      }
    }
    boolean fresh = lastReading != null && !lastReading.isBefore(now.minus(offlineAfter));
    return fresh ? ONLINE : "stale";
  }
}
