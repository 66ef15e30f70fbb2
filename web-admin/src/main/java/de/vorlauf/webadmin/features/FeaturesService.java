package de.vorlauf.webadmin.features;

import de.vorlauf.persistence.features.FeatureQueries;
import de.vorlauf.persistence.readings.ReadingsRepository;
import de.vorlauf.webadmin.readings.ReadingsLimits;
import de.vorlauf.webadmin.readings.ReadingsRequest;
import de.vorlauf.webadmin.readings.ReadingsRequestException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reading back a building's feature rows: the same range rules, limits and problem answers as the
 * readings API (its request parsing is reused), checked before anything is sent; then the rows are
 * streamed from the repository to the response.
 */
@ApplicationScoped
public class FeaturesService {

  /** The question and the columns of its answer. */
  public record Prepared(String buildingId, ReadingsRequest.Range range, int circuits) {
    public List<String> columns() {
      return FeatureQueries.columns(circuits);
    }
  }

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject ReadingsLimits limits;

  /**
   * @throws ReadingsRequestException 400 for a range beyond the rules or limits, 404 for an unknown
   *     building
   */
  public Prepared prepare(String buildingId, String from, String to) throws SQLException {
    ReadingsRequest.Range range = ReadingsRequest.range(from, to, limits);
    try (Connection connection = dataSource.getConnection()) {
      if (!ReadingsRepository.buildingExists(connection, buildingId)) {
        throw new ReadingsRequestException(
            404, "Unknown building", "no building '" + buildingId + "' is registered");
      }
      return new Prepared(
          buildingId,
          range,
          FeatureQueries.circuits(connection, buildingId, range.from(), range.to()));
    }
  }

  /** Streams the rows of a prepared request; a failure mid-way cuts the response short. */
  public long stream(Prepared prepared, FeatureQueries.RowSink sink)
      throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      return FeatureQueries.stream(
          connection,
          prepared.buildingId(),
          prepared.range().from(),
          prepared.range().to(),
          prepared.circuits(),
          sink);
    }
  }
}
