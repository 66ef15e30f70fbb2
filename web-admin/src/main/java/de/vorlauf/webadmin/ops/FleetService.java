package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ingest.DeviceLiveness;
import de.vorlauf.persistence.ops.FleetFilter;
import de.vorlauf.persistence.ops.FleetQueries;
import de.vorlauf.persistence.ops.FleetSort;
import de.vorlauf.persistence.ops.FleetSummary;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.webadmin.ingest.IngestService;
import de.vorlauf.webadmin.registry.Page;
import de.vorlauf.webadmin.registry.PageRequest;
import de.vorlauf.webadmin.registry.UnknownEntityException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The fleet for triage: pages of buildings filtered and sorted by the database, the totals with the
 * readings stored per minute, and one building's devices. Read-only.
 */
@ApplicationScoped
public class FleetService {

  static final Duration QUARANTINE_WINDOW = Duration.ofHours(24);

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject IngestService ingest;
  @Inject ReadingRates rates;

  private final Clock clock = Clock.systemUTC();

  public Page<FleetBuildingDto> page(
      String text, FleetFilter filter, FleetSort sort, boolean descending, PageRequest page)
      throws SQLException {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      FleetQueries.Page found =
          queries()
              .page(connection, text, filter, sort, descending, page.offset(), page.size(), now);
      return new Page<>(
          found.buildings().stream()
              .map(
                  b ->
                      FleetBuildingDto.of(
                          b, rates.buildingPerMinute(b.id(), b.readingsStored(), now)))
              .toList(),
          page.page(),
          page.size(),
          found.total());
    }
  }

  public FleetSummaryDto summary() throws SQLException {
    Instant now = clock.instant();
    DeviceLiveness liveness = ingest.liveness();
    try (Connection connection = dataSource.getConnection()) {
      FleetQueries queries = queries();
      if (rates.due(now)) {
        rates.add(now, queries.readingsPerBuilding(connection));
      }
      FleetSummary s = queries.summary(connection, now);
      String mode = null;
      String modeProblem = null;
      try {
        mode = StorageMode.detect(connection).label();
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
  }

  /** Every device of the building, active or not. */
  public List<FleetDeviceDto> devices(String buildingId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      FleetQueries queries = queries();
      if (!queries.buildingExists(connection, buildingId)) {
        throw new UnknownEntityException("building", buildingId);
      }
      return queries.devices(connection, buildingId, clock.instant()).stream()
          .map(FleetDeviceDto::of)
          .toList();
    }
  }

  private FleetQueries queries() {
    return new FleetQueries(ingest.liveness().offlineAfter(), QUARANTINE_WINDOW);
  }
}
