package de.vorlauf.persistence.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-series reads for one building's sensor, all its devices together. The same SQL runs on
 * TimescaleDB and on plain PostgreSQL: both offer {@code readings}, {@code series} and the {@code
 * sensor_readings_hourly} view with identical columns, and buckets come from {@code date_bin}
 * aligned to 2000-01-01 UTC (where {@code time_bucket} aligns hourly buckets too). The pivoted,
 * streamed readback of several sensors is {@code de.vorlauf.persistence.readings}'.
 */
public final class ReadingQueries {

  /** A stored reading. */
  public record Point(Instant time, String deviceId, double value, String unit, String quality) {}

  /** An aggregate over one bucket. */
  public record Bucket(Instant start, double min, double max, double avg, long count) {}

  private static final String RAW =
      """
      SELECT r.time, s.device_id, r.value, s.unit, r.quality
      FROM readings r JOIN series s ON s.id = r.series_id
      WHERE s.building_id = ? AND s.sensor_id = ? AND r.time >= ? AND r.time < ?
      ORDER BY r.time, s.device_id
      """;

  // buckets of a whole number of hours re-aggregate the hourly rollup (kept for 2 years)
  private static final String FROM_HOURLY =
      """
      SELECT date_bin(?::interval, bucket, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS b,
             min(min_value), max(max_value),
             sum(avg_value * reading_count) / sum(reading_count), sum(reading_count)
      FROM sensor_readings_hourly
      WHERE building_id = ? AND sensor_id = ? AND bucket >= ? AND bucket < ?
      GROUP BY b ORDER BY b
      """;

  private static final String FROM_RAW =
      """
      SELECT date_bin(?::interval, r.time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS b,
             min(r.value), max(r.value), avg(r.value), count(*)
      FROM readings r JOIN series s ON s.id = r.series_id
      WHERE s.building_id = ? AND s.sensor_id = ? AND r.time >= ? AND r.time < ?
      GROUP BY b ORDER BY b
      """;

  private ReadingQueries() {}

  public static List<Point> raw(
      Connection connection, String buildingId, String sensorId, Instant from, Instant to)
      throws SQLException {
    List<Point> points = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(RAW)) {
      bindSeries(statement, 1, buildingId, sensorId, from, to);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          points.add(
              new Point(
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  rs.getString(2),
                  rs.getDouble(3),
                  rs.getString(4),
                  QualityCode.quality(rs.getInt(5)).wireName()));
        }
      }
    }
    return points;
  }

  /**
   * Aggregates over buckets of {@code width} in {@code [from, to)}. Whole hours read the hourly
   * rollup (so they outlive raw retention; {@code from} is then rounded down to the hour); shorter
   * widths read raw rows.
   */
  public static List<Bucket> buckets(
      Connection connection,
      String buildingId,
      String sensorId,
      Instant from,
      Instant to,
      Duration width)
      throws SQLException {
    if (width.isZero() || width.isNegative()) {
      throw new IllegalArgumentException("bucket width must be positive: " + width);
    }
    boolean hourly = width.toSeconds() % 3600 == 0 && width.toNanosPart() == 0;
    List<Bucket> buckets = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(hourly ? FROM_HOURLY : FROM_RAW)) {
      statement.setString(1, StorageSettings.sqlInterval(width));
      bindSeries(
          statement,
          2,
          buildingId,
          sensorId,
          hourly ? from.truncatedTo(ChronoUnit.HOURS) : from,
          to);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          buckets.add(
              new Bucket(
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  rs.getDouble(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getLong(5)));
        }
      }
    }
    return buckets;
  }

  private static void bindSeries(
      PreparedStatement statement,
      int first,
      String buildingId,
      String sensorId,
      Instant from,
      Instant to)
      throws SQLException {
    statement.setString(first, buildingId);
    statement.setString(first + 1, sensorId);
    statement.setObject(first + 2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    statement.setObject(first + 3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
  }
}
