package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.FleetBuilding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the fleet: a building and the state of its active devices.
 *
 * @param lastMessage when the newest message of its devices arrived
 * @param lastReading the newest reading's own timestamp: far behind {@code lastMessage} while a
 *     backlog is being uploaded
 * @param readingsPerMinute readings stored per minute lately (backlog included); null while the
 *     server has not watched long enough to tell
 * @param problems {@code offline}, {@code stale}, {@code never_seen}, {@code quarantining}; empty
 *     when all is well or the building is inactive
 * @param optimization the newest optimisation result and setpoint delivery; null before the first
 */
public record FleetBuildingDto(
    String buildingId,
    String name,
    boolean active,
    int devices,
    int online,
    int offline,
    int stale,
    int neverSeen,
    Instant lastMessage,
    Instant lastReading,
    long quarantinedRecently,
    long readingsStored,
    Double readingsPerMinute,
    List<String> problems,
    FleetOptimizationDto optimization) {

  static FleetBuildingDto of(FleetBuilding b, Double readingsPerMinute) {
    return of(b, readingsPerMinute, null);
  }

  static FleetBuildingDto of(
      FleetBuilding b, Double readingsPerMinute, FleetOptimizationDto optimization) {
    List<String> problems = new ArrayList<>();
    if (b.active()) {
      if (b.offline() > 0) {
        problems.add("offline");
      }
      if (b.stale() > 0) {
        problems.add("stale");
      }
      if (b.neverSeen() > 0) {
        problems.add("never_seen");
      }
    }
    if (b.quarantinedRecently() > 0) {
      problems.add("quarantining");
    }
    return new FleetBuildingDto(
        b.id(),
        b.name(),
        b.active(),
        b.devices(),
        b.online(),
        b.offline(),
        b.stale(),
        b.neverSeen(),
        b.lastMessage(),
        b.lastReading(),
        b.quarantinedRecently(),
        b.readingsStored(),
        readingsPerMinute,
        List.copyOf(problems),
        optimization);
  }
}
