package de.vorlauf.persistence.features;

import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.FeatureRules;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * "Features now": a building's feature rows computed on demand from its stored readings with the
 * ETL's rules ({@link FeatureCalculator}, {@link FeatureSource}), for serving (the optimiser, the
 * real-time endpoint) where the nightly ETL has not run yet. No streaming transform on the ingest
 * path: the cost is one read of the window's readings per call.
 *
 * <p>Everything is as known at an explicit {@code asOf} (no hidden now): readings at or after it
 * are not read, so a harness replaying history sees what a deployment would have seen then. Slots
 * whose neighbourhood lies wholly before {@code asOf} (the gap rule's margin, {@link
 * FeatureRules#MARGIN_SLOTS} slots) equal the ETL's rows; the newest slots follow the edge rule
 * (forward fill up to 4 slots, then empty) where the ETL, a day later, may interpolate.
 */
public final class FeaturesNow {

  private final EtlBuildings buildings;
  private final FeatureSource source;
  private final FeatureCalculator calculator;

  public FeaturesNow(DataSource dataSource, FeatureCalculator calculator) {
    this.buildings = new EtlBuildings(dataSource);
    this.source = new FeatureSource(dataSource);
    this.calculator = Objects.requireNonNull(calculator, "calculator");
  }

  /**
   * The complete slots of the {@code lookback} before {@code asOf}: the newest one ends at or
   * before it.
   *
   * @param lookback a positive whole number of 15-minute slots
   */
  public List<FeatureRow> recent(String buildingId, Instant asOf, Duration lookback)
      throws SQLException {
    if (lookback.isNegative()
        || lookback.isZero()
        || lookback.toSeconds() % FeatureRules.SLOT_SECONDS != 0) {
      throw new IllegalArgumentException(
          "lookback must be a positive multiple of 15 minutes: " + lookback);
    }
    Instant to = FeatureRules.slotStart(asOf);
    return between(buildingId, to.minus(lookback), to, asOf);
  }

  /**
   * The slots of {@code [from, to)} (15-minute aligned) from the readings known at {@code asOf}.
   *
   * @throws IllegalArgumentException for a building the registry does not know
   */
  public List<FeatureRow> between(String buildingId, Instant from, Instant to, Instant asOf)
      throws SQLException {
    EtlBuildings.Profile profile = buildings.profiles(List.of(buildingId)).get(buildingId);
    if (profile == null) {
      throw new IllegalArgumentException("building " + buildingId + " is not in the registry");
    }
    return calculator.compute(
        source.rangeKnownAt(
            buildingId,
            new FeatureLayout(profile.heatingCircuits()),
            profile.zone(),
            from,
            to,
            asOf));
  }
}
