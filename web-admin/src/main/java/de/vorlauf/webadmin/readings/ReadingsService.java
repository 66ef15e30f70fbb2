package de.vorlauf.webadmin.readings;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.persistence.readings.ReadingsColumn;
import de.vorlauf.persistence.readings.ReadingsQuery;
import de.vorlauf.persistence.readings.ReadingsRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reading back a building's readings: checks the request against the limits, the building and the
 * sensors before anything is sent (so every refusal is a problem+json answer), then streams the
 * pivoted rows from the repository straight to the response.
 */
@ApplicationScoped
public class ReadingsService {

  /** The question and the columns its answer will have. */
  public record Prepared(ReadingsQuery query, List<ReadingsColumn> columns) {}

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject ReadingsLimits limits;

  private final Clock clock = Clock.systemUTC();
  private final SensorCatalogue catalogue = SensorCatalogue.standard();

  /**
   * @throws ReadingsRequestException 400 for parameters beyond the rules or limits and for unknown
   *     sensors, 404 for an unknown building
   */
  public Prepared prepare(
      String buildingId,
      List<String> sensors,
      String from,
      String to,
      String resolution,
      String agg)
      throws SQLException {
    ReadingsQuery query =
        ReadingsRequest.parse(
            buildingId, sensors, from, to, resolution, agg, limits, clock.instant());
    try (Connection connection = dataSource.getConnection()) {
      if (!ReadingsRepository.buildingExists(connection, buildingId)) {
        throw new ReadingsRequestException(
            404, "Unknown building", "no building '" + buildingId + "' is registered");
      }
      List<ReadingsColumn> columns =
          ReadingsRepository.columns(connection, buildingId, query.sensors());
      Set<String> stored =
          columns.stream().map(ReadingsColumn::sensorId).collect(Collectors.toSet());
      List<String> unknown =
          query.sensors().stream()
              .filter(s -> !stored.contains(s) && catalogue.find(s).isEmpty())
              .toList();
      if (!unknown.isEmpty()) {
        throw ReadingsRequestException.badRequest(
            "Unknown sensors",
            "not in the sensor catalogue and never stored for building '"
                + buildingId
                + "': "
                + String.join(", ", unknown));
      }
      return new Prepared(query, columns);
    }
  }

  /** Streams the rows of a prepared request; a failure mid-way cuts the response short. */
  public long stream(Prepared prepared, ReadingsRepository.RowSink sink)
      throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      return ReadingsRepository.stream(connection, prepared.query(), prepared.columns(), sink);
    }
  }
}
