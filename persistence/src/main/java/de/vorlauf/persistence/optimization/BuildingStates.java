package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.FeatureRules;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A building's measured past as of an instant: the complete UTC hours of the week before it, from
 * the nightly ETL's {@code building_features} (one query) where the ETL has written them and from
 * "features now" ({@link FeaturesNow}, the ETL's rules on the readings known at {@code asOf}) for
 * the slots after. Nothing at or after {@code asOf} is read.
 *
 * <p>ETL rows are used only for slots whose gap-rule neighbourhood ({@link
 * FeatureRules#MARGIN_SLOTS}) ends before {@code asOf}: the ETL may have interpolated a newer slot
 * with readings that came later (a replay that ran the ETL ahead), which a deployment at {@code
 * asOf} could not have known. Features now computes those slots as known at {@code asOf}.
 */
public final class BuildingStates {

  /** The week the optimiser sees, which is also the heat-demand model's longest lag. */
  public static final Duration WINDOW = Duration.ofHours(168);

  /**
   * A state and the same hours as the heat-demand model reads them.
   *
   * @param issuedAt the hour after the state's last complete one: where a prediction is issued
   */
  public record Read(BuildingState state, List<HourAggregate> hours, Instant issuedAt) {}

  private static final String SLOTS =
      """
      SELECT time, outdoor_temp, indoor_temp, flow_temp[1], return_temp[1], heat_power_total_kw,
             quality, local_hour, day_of_week >= 6 OR holiday
      FROM building_features
      WHERE building_id = ? AND time >= ? AND time < ?
      ORDER BY time
      """;

  private final DataSource dataSource;
  private final FeaturesNow featuresNow;

  public BuildingStates(DataSource dataSource, FeaturesNow featuresNow) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.featuresNow = Objects.requireNonNull(featuresNow, "featuresNow");
  }

  /**
   * @throws IllegalArgumentException for a building the registry does not know
   */
  public Read read(String buildingId, Instant asOf) throws SQLException {
    Instant issuedAt = Instant.ofEpochSecond(Math.floorDiv(asOf.getEpochSecond(), 3600) * 3600);
    Instant from = issuedAt.minus(WINDOW);
    Instant settled =
        FeatureRules.slotStart(asOf)
            .minusSeconds(FeatureRules.MARGIN_SLOTS * FeatureRules.SLOT_SECONDS);
    Instant etlTo = settled.isBefore(issuedAt) ? settled : issuedAt;
    SlotHours hours = new SlotHours();
    Instant etlEnd = etlSlots(buildingId, from, etlTo, hours);
    Instant nowFrom = etlEnd == null ? from : etlEnd;
    if (nowFrom.isBefore(issuedAt)) {
      for (FeatureRow row : featuresNow.between(buildingId, nowFrom, issuedAt, asOf)) {
        hours.add(SlotHours.Slot.of(row));
      }
    }
    return new Read(new BuildingState(asOf, hours.observations()), hours.aggregates(), issuedAt);
  }

  /** Adds the ETL's slots of {@code [from, to)}; the end of the newest one, null when none. */
  private Instant etlSlots(String buildingId, Instant from, Instant to, SlotHours hours)
      throws SQLException {
    if (!from.isBefore(to)) {
      return null;
    }
    Instant end = null;
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(SLOTS)) {
      statement.setString(1, buildingId);
      statement.setObject(2, SqlTime.utc(from));
      statement.setObject(3, SqlTime.utc(to));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          Instant slot = SqlTime.instant(rs, "time");
          hours.add(
              new SlotHours.Slot(
                  slot,
                  number(rs, 2),
                  number(rs, 3),
                  number(rs, 4),
                  number(rs, 5),
                  number(rs, 6),
                  rs.getDouble(7),
                  rs.getInt(8),
                  rs.getBoolean(9)));
          end = slot.plusSeconds(FeatureRules.SLOT_SECONDS);
        }
      }
    }
    return end;
  }

  private static double number(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }
}
