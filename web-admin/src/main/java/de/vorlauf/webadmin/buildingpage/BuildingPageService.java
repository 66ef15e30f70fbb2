package de.vorlauf.webadmin.buildingpage;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.persistence.features.FeatureQuality;
import de.vorlauf.persistence.readings.LatestReadings;
import de.vorlauf.persistence.readings.ReadingsRepository;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.ingest.IngestService;
import de.vorlauf.webadmin.ops.FleetDeviceDto;
import de.vorlauf.webadmin.ops.FleetService;
import de.vorlauf.webadmin.readings.ReadingsLimits;
import de.vorlauf.webadmin.readings.ReadingsRequest;
import de.vorlauf.webadmin.registry.BuildingDto;
import de.vorlauf.webadmin.registry.BuildingService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The building page's own answers: the overview (configuration, devices with their triage state,
 * newest value per sensor, the heating curve) and the slot quality of a range. The series
 * themselves come from the readings and features APIs.
 */
@ApplicationScoped
public class BuildingPageService {

  /** Outdoor temperatures the curve's vertices span: beyond any the catalogue accepts. */
  static final double CURVE_FROM_C = -60;

  static final double CURVE_TO_C = 60;

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject BuildingService buildings;
  @Inject FleetService fleet;
  @Inject IngestService ingest;
  @Inject ReadingsLimits limits;

  private final Clock clock = Clock.systemUTC();

  /**
   * @throws UnknownEntityException for a building not registered
   */
  public BuildingOverviewDto overview(String buildingId) throws SQLException {
    BuildingDto building = buildings.get(buildingId);
    List<FleetDeviceDto> devices = fleet.devices(buildingId);
    List<BuildingOverviewDto.LatestValueDto> latest;
    try (Connection connection = dataSource.getConnection()) {
      latest =
          LatestReadings.of(connection, buildingId).stream()
              .map(
                  l ->
                      new BuildingOverviewDto.LatestValueDto(
                          l.sensorId(), l.deviceId(), l.unit(), l.time(), l.value()))
              .toList();
    }
    Instant lastMessage = newest(devices.stream().map(FleetDeviceDto::lastMessage).toList());
    // the newest of the device status and of the stored readings: either may be ahead
    Instant lastReading =
        newest(
            List.of(
                newestOrEpoch(devices.stream().map(FleetDeviceDto::lastReading).toList()),
                newestOrEpoch(
                    latest.stream().map(BuildingOverviewDto.LatestValueDto::time).toList())));
    if (Instant.EPOCH.equals(lastReading)) {
      lastReading = null;
    }
    Duration offlineAfter = ingest.liveness().offlineAfter();
    return new BuildingOverviewDto(
        building,
        BuildingConnectivity.of(
            building.active(), devices, lastReading, offlineAfter, clock.instant()),
        lastMessage,
        lastReading,
        offlineAfter.toMinutes(),
        devices,
        latest,
        curve(building),
        new BuildingOverviewDto.LimitsDto(
            limits.maxRange().toSeconds(), limits.maxSensors(), limits.rawRetention().toSeconds()));
  }

  /** Slot shares of a range, under the readings API's range rules and limits. */
  public QualityDto quality(String buildingId, String from, String to) throws SQLException {
    ReadingsRequest.Range range = ReadingsRequest.range(from, to, limits);
    try (Connection connection = dataSource.getConnection()) {
      if (!ReadingsRepository.buildingExists(connection, buildingId)) {
        throw new UnknownEntityException("building", buildingId);
      }
      FeatureQuality.Shares s = FeatureQuality.of(connection, buildingId, range.from(), range.to());
      return new QualityDto(
          buildingId, range.from(), range.to(), s.slots(), s.measured(), s.filled(), s.empty());
    }
  }

  static BuildingOverviewDto.CurveDto curve(BuildingDto b) {
    HeatingCurve curve =
        new HeatingCurve(b.curveBaseTemp(), b.curveSlope(), b.flowTempMin(), b.flowTempMax());
    return new BuildingOverviewDto.CurveDto(
        curve.baseC(),
        curve.slope(),
        curve.minFlowC(),
        curve.maxFlowC(),
        b.nightSetbackEnabled(),
        b.nightSetbackStart(),
        b.nightSetbackEnd(),
        b.timeZone(),
        curve.vertices(CURVE_FROM_C, CURVE_TO_C, 0.0),
        curve.vertices(CURVE_FROM_C, CURVE_TO_C, -b.nightSetbackReduction()));
  }

  private static Instant newestOrEpoch(List<Instant> times) {
    Instant n = newest(times);
    return n == null ? Instant.EPOCH : n;
  }

  private static Instant newest(List<Instant> times) {
    Instant newest = null;
    for (Instant t : times) {
      if (t != null && (newest == null || t.isAfter(newest))) {
        newest = t;
      }
    }
    return newest;
  }
}
