package de.vorlauf.persistence.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * How a building's 15-minute slots of a range were obtained, counted in the database (a year is
 * 35,040 slots; the building page shows the shares without fetching them). A slot counts by its
 * outdoor, flow and return temperatures, the values the heating curve is judged by: measured when
 * all of them came from readings of the slot, empty when one of them has no value or the slot has
 * no feature row at all, filled otherwise (forward-filled or interpolated).
 */
public final class FeatureQuality {

  /** Slot counts of a range; {@code empty} includes slots without a feature row. */
  public record Shares(long slots, long measured, long filled, long empty) {}

  private static final Duration SLOT = Duration.ofMinutes(15);

  // provenance codes: 0 empty, 1 raw (see domain's Provenance)
  private static final String COUNTS =
      """
      SELECT count(*) FILTER (WHERE NOT has_empty AND all_raw),
             count(*) FILTER (WHERE NOT has_empty AND NOT all_raw)
      FROM (
        SELECT outdoor_temp_src = 0 OR 0 = ANY (flow_temp_src) OR 0 = ANY (return_temp_src)
                 OR cardinality(flow_temp_src) = 0 AS has_empty,
               outdoor_temp_src = 1 AND 1 = ALL (flow_temp_src) AND 1 = ALL (return_temp_src)
                 AS all_raw
        FROM building_features
        WHERE building_id = ? AND time >= ? AND time < ?
      ) slots
      """;

  private FeatureQuality() {}

  /** The shares of {@code [from, to)}; slots are the 15-minute slots the range covers. */
  public static Shares of(Connection connection, String buildingId, Instant from, Instant to)
      throws SQLException {
    long slots = (Duration.between(from, to).toSeconds() + SLOT.toSeconds() - 1) / SLOT.toSeconds();
    try (PreparedStatement statement = connection.prepareStatement(COUNTS)) {
      statement.setString(1, buildingId);
      statement.setObject(2, Sql.utc(from));
      statement.setObject(3, Sql.utc(to));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long measured = rs.getLong(1);
        long filled = rs.getLong(2);
        return new Shares(slots, measured, filled, Math.max(0, slots - measured - filled));
      }
    }
  }
}
