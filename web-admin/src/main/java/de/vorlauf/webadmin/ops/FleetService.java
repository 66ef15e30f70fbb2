package de.vorlauf.webadmin.ops;

import de.vorlauf.domain.ingest.DeviceLiveness;
import de.vorlauf.persistence.ops.FleetBuilding;
import de.vorlauf.persistence.ops.FleetFilter;
import de.vorlauf.persistence.ops.FleetOptimization;
import de.vorlauf.persistence.ops.FleetOptimizationFilter;
import de.vorlauf.persistence.ops.FleetRepository;
import de.vorlauf.persistence.ops.FleetRules;
import de.vorlauf.persistence.ops.FleetSort;
import de.vorlauf.persistence.ops.FleetSummary;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet for triage: pages of buildings filtered and sorted by the database, the totals with the
 * readings stored per minute, and one building's devices. Read-only.
 */
@ApplicationScoped
public class FleetService {

  static final Duration QUARANTINE_WINDOW = Duration.ofHours(24);

  @Inject FleetRepository fleet;
  @Inject FleetOptimization optimizations;
  @Inject IngestService ingest;
  @Inject ReadingRates rates;

  private final Clock clock = Clock.systemUTC();

  public PageDto<FleetBuildingDto> page(
      String text, FleetFilter filter, FleetSort sort, boolean descending, PageRequest page)
      throws SQLException {
    return page(text, filter, FleetOptimizationFilter.ALL, sort, descending, page);
  }

  /** A page of buildings, each with its newest optimisation and setpoint delivery. */
  public PageDto<FleetBuildingDto> page(
      String text,
      FleetFilter filter,
      FleetOptimizationFilter optimization,
      FleetSort sort,
      boolean descending,
      PageRequest page)
      throws SQLException {
    Instant now = clock.instant();
    Page<FleetBuilding> buildings =
        fleet.page(rules(), text, filter, optimization, sort, descending, page, now);
    // read for the page's buildings only: 10,000 buildings never pay for it
    Map<String, FleetOptimization.Latest> latest =
        optimizations.latest(buildings.items().stream().map(FleetBuilding::id).toList());
    return Paging.toDto(
        buildings,
        b ->
            FleetBuildingDto.of(
                b,
                rates.buildingPerMinute(b.id(), b.readingsStored(), now),
                FleetOptimizationDto.of(latest.get(b.id()))));
  }

  public FleetSummaryDto summary() throws SQLException {
    Instant now = clock.instant();
    DeviceLiveness liveness = ingest.liveness();
    if (rates.due(now)) {
      rates.add(now, fleet.readingsStoredPerBuilding());
    }
    FleetSummary s = fleet.summary(rules(), now);
    String mode = null;
    String modeProblem = null;
    try {
      mode = fleet.storageMode().label();
    } catch (SQLException | IllegalStateException e) {
      modeProblem = e.getMessage();
    }
    Map<String, Long> perView = new LinkedHashMap<>();
    s.buildingsPerFilter().forEach((filter, n) -> perView.put(filter.code(), n));
    return new FleetSummaryDto(
        now,
        mode,
        modeProblem,
        liveness.offlineAfter().toMinutes(),
        liveness.onlineAfter(),
        QUARANTINE_WINDOW.toHours(),
        s.buildings(),
        s.devices(),
        s.online(),
        s.offline(),
        s.stale(),
        s.neverSeen(),
        s.quarantinedRecently(),
        s.readingsStored(),
        rates.fleetPerMinute(),
        perView,
        rates.history());
  }

  /** Every device of the building, active or not. */
  public List<FleetDeviceDto> devices(String buildingId) throws SQLException {
    if (!fleet.buildingExists(buildingId)) {
      throw new UnknownEntityException("building", buildingId);
    }
    return fleet.deviceStates(rules(), buildingId, clock.instant()).stream()
        .map(FleetDeviceDto::of)
        .toList();
  }

  private FleetRules rules() {
    return new FleetRules(ingest.liveness().offlineAfter(), QUARANTINE_WINDOW);
  }
}
