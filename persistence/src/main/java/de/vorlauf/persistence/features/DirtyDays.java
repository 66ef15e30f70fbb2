package de.vorlauf.persistence.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Late data: readings stored for a building-day that is already complete mark it dirty, with its
 * neighbour where the gap rule reads across midnight (2 h before, 2¼ h after the reading's slot:
 * {@code domain.features.FeatureRules.affectedDays}), for the next ETL run to recompute.
 *
 * <p>Cheap by construction: the ingest writer calls {@link #mark} inside its batch transaction, a
 * Java check drops every reading that is in the current local day of every time zone on earth (live
 * data, nearly always), the rest is reduced to distinct building and 15-minute slot, and one
 * set-based {@code INSERT … ON CONFLICT DO NOTHING} decides per building in its own time zone.
 */
public final class DirtyDays {

  private static final long SLOT_SECONDS = 900;

  // sorted, so concurrent writers take the rows' locks in the same order
  private static final String MARK =
      """
      INSERT INTO etl_dirty_days (building_id, day)
      SELECT DISTINCT x.building_id, d.day
      FROM unnest(?::text[], ?::timestamptz[]) AS x(building_id, slot)
      JOIN buildings b ON b.id = x.building_id
      CROSS JOIN LATERAL (VALUES
          ((x.slot AT TIME ZONE b.time_zone)::date),
          (((x.slot - INTERVAL '2 hours') AT TIME ZONE b.time_zone)::date),
          (((x.slot + INTERVAL '2 hours 15 minutes') AT TIME ZONE b.time_zone)::date)) AS d(day)
      WHERE (x.slot AT TIME ZONE b.time_zone)::date < (now() AT TIME ZONE b.time_zone)::date
        AND d.day < (now() AT TIME ZONE b.time_zone)::date
      ORDER BY 1, 2
      ON CONFLICT DO NOTHING
      """;

  private DirtyDays() {}

  /** A reading at or after this instant is in the current local day of every time zone. */
  public static Instant todayEverywhere(Instant now) {
    Instant latest = Instant.MIN;
    // offsets in use run from UTC−12 to UTC+14, in steps of 15 minutes
    for (long offset = -12 * 3600; offset <= 14 * 3600; offset += SLOT_SECONDS) {
      Instant midnight =
          now.plusSeconds(offset).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
      Instant utc = midnight.minusSeconds(offset);
      if (utc.isAfter(latest)) {
        latest = utc;
      }
    }
    return latest;
  }

  /**
   * Marks the building-days the readings make dirty, in the caller's transaction.
   *
   * @param buildingIds building of each reading
   * @param times time of each reading, same order
   * @return distinct building slots sent to the database (0: nothing was older than today)
   */
  public static int mark(
      Connection connection, List<String> buildingIds, List<Instant> times, Instant now)
      throws SQLException {
    Instant today = todayEverywhere(now);
    Set<String> keys = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    List<java.time.OffsetDateTime> slots = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      Instant t = times.get(i);
      if (!t.isBefore(today)) {
        continue;
      }
      long slot = Math.floorDiv(t.getEpochSecond(), SLOT_SECONDS) * SLOT_SECONDS;
      if (keys.add(buildingIds.get(i) + '\u0000' + slot)) {
        ids.add(buildingIds.get(i));
        slots.add(Sql.utc(Instant.ofEpochSecond(slot)));
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(MARK)) {
      statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
      statement.setArray(2, connection.createArrayOf("timestamptz", slots.toArray()));
      statement.executeUpdate();
    }
    return ids.size();
  }

  static Duration slot() {
    return Duration.ofSeconds(SLOT_SECONDS);
  }
}
