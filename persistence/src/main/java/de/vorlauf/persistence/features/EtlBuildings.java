package de.vorlauf.persistence.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What the nightly ETL reads of the registry and its own bookkeeping, a page of buildings at once.
 */
public final class EtlBuildings {

  /** A building as the feature rules need it. */
  public record Profile(String buildingId, ZoneId zone, int heatingCircuits) {}

  private static final String PAGE =
      """
      SELECT id FROM buildings
      WHERE active AND (?::text IS NULL OR id > ?::text)
      ORDER BY id
      LIMIT ?
      """;

  private static final String PROFILES =
      "SELECT id, time_zone, heating_circuits FROM buildings WHERE id = ANY (?::text[])";

  private static final String DIRTY =
      "SELECT building_id, day FROM etl_dirty_days WHERE building_id = ANY (?::text[])";

  // yesterday per building counts once; dirty days before it add to the night's work
  private static final String NIGHTLY_TOTAL =
      """
      SELECT (SELECT count(*) FROM buildings WHERE active)
           + (SELECT count(*) FROM etl_dirty_days d JOIN buildings b ON b.id = d.building_id
              WHERE b.active AND d.day < (?::timestamptz AT TIME ZONE b.time_zone)::date - 1)
      """;

  private static final String ACTIVE = "SELECT count(*) FROM buildings WHERE active";

  private final DataSource dataSource;

  public EtlBuildings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Up to {@code limit} active building ids after {@code afterId} (null: from the first). */
  public List<String> activePage(String afterId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PAGE)) {
      statement.setString(1, afterId);
      statement.setString(2, afterId);
      statement.setInt(3, limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /** The profiles of those of {@code ids} that exist (active or not). */
  public Map<String, Profile> profiles(List<String> ids) throws SQLException {
    Map<String, Profile> profiles = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(PROFILES)) {
      statement.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          profiles.put(
              rs.getString(1),
              new Profile(rs.getString(1), ZoneId.of(rs.getString(2)), rs.getInt(3)));
        }
      }
    }
    return profiles;
  }

  /** The dirty days of {@code ids}, per building. */
  public Map<String, SortedSet<LocalDate>> dirtyDays(List<String> ids) throws SQLException {
    Map<String, SortedSet<LocalDate>> days = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(DIRTY)) {
      statement.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          days.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
              .add(rs.getObject(2, LocalDate.class));
        }
      }
    }
    return days;
  }

  /** Building-days of a nightly run as of {@code asOf}: one per active building, plus dirty. */
  public long nightlyTotal(Instant asOf) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(NIGHTLY_TOTAL)) {
      statement.setObject(1, Sql.utc(asOf));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public long activeCount() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(ACTIVE);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
