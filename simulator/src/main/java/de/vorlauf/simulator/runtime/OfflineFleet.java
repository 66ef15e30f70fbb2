package de.vorlauf.simulator.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Buildings stepped in-process, publishing nothing and receiving no setpoints (see {@link
 * Simulator#baselineTwin}): the closed-loop harness's baseline run.
 */
public final class OfflineFleet {

  private final List<SimulatedBuilding> buildings;

  OfflineFleet(List<SimulatedBuilding> buildings) {
    this.buildings = List.copyOf(buildings);
  }

  /** Every building to {@code t}; stepping in one go or hour by hour gives the same state. */
  public void advanceTo(Instant t) {
    Instant minute = Minutes.floor(t);
    buildings.forEach(b -> b.advanceSilently(minute));
  }

  /** Starts the report period now. */
  public void resetReport() {
    buildings.forEach(SimulatedBuilding::resetPeriod);
  }

  /** Energy and comfort per building since {@link #resetReport}. */
  public EnergyReport report() {
    return EnergyReport.of(buildings);
  }

  public List<SimulatedBuilding> buildings() {
    return buildings;
  }
}
