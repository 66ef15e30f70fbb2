package de.vorlauf.activities.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/** The self-check's database round trip on the {@code platform_probe} table. */
public class PlatformProbeStore {

  private static final String UPSERT_SQL =
      """
      INSERT INTO platform_probe (probe_key, token, written_at)
      VALUES (?, ?, clock_timestamp())
      ON CONFLICT (probe_key) DO UPDATE
          SET token = EXCLUDED.token,
              written_at = EXCLUDED.written_at,
              write_count = platform_probe.write_count + 1
      """;

  private static final String READ_SQL =
      """
      SELECT token, write_count, clock_timestamp(), current_setting('server_version')
      FROM platform_probe
      WHERE probe_key = ?
      """;

  /**
   * What the read-back returned.
   *
   * @param databaseTime clock_timestamp() of the read, taken between localBefore and localAfter
   */
  public record ProbeRow(
      String token,
      int writeCount,
      String serverVersion,
      Instant databaseTime,
      Instant localBefore,
      Instant localAfter) {}

  private final DataSource dataSource;
  private final Clock clock;

  public PlatformProbeStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Upserts {@code token} under {@code probeKey}, then reads the row back.
   *
   * @return the row as read, or null when it vanished between write and read
   */
  public ProbeRow writeAndReadBack(String probeKey, String token) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT_SQL)) {
        upsert.setString(1, probeKey);
        upsert.setString(2, token);
        upsert.executeUpdate();
      }
      try (PreparedStatement read = connection.prepareStatement(READ_SQL)) {
        read.setString(1, probeKey);
        Instant before = clock.instant();
        try (ResultSet rs = read.executeQuery()) {
          Instant after = clock.instant();
          if (!rs.next()) {
            return null;
          }
          return new ProbeRow(
              rs.getString(1),
              rs.getInt(2),
              rs.getString(4),
              rs.getObject(3, OffsetDateTime.class).toInstant(),
              before,
              after);
        }
      }
    }
  }
}
