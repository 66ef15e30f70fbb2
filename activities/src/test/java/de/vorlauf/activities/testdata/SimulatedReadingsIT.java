package de.vorlauf.activities.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.persistence.timeseries.ReadingQueries;
import de.vorlauf.persistence.timeseries.ReadingQueries.Bucket;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DatasetSpec;
import de.vorlauf.testdata.MigratedWithTestData;
import de.vorlauf.testdata.TestData;
import de.vorlauf.testdata.TestDataCache;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ML tests' dataset as they get it: a database copied from {@link MigratedWithTestData}. The
 * readings are all there, in the series layout and the rollup, readable through persistence's
 * queries, physically plausible, and the dataset is built once: later uses hit the cache.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedReadingsIT {

  private static final DatasetSpec SPEC = DatasetSpec.STANDARD;

  private TestDatabase db;
  private Dataset dataset;

  @BeforeAll
  void database(TestDatabase database) {
    db = database;
    dataset = TestData.standard();
  }

  @Test
  void everyReadingIsStoredOnceInItsSeries() throws Exception {
    assertThat(dataset.readings()).isGreaterThan(100_000);
    assertThat(db.count("SELECT count(*) FROM readings")).isEqualTo(dataset.readings());
    assertThat(db.count("SELECT count(*) FROM series")).isEqualTo(dataset.series().size());
    assertThat(db.count("SELECT count(*) FROM buildings WHERE id LIKE 'td-%'"))
        .isEqualTo(SPEC.buildings());
    assertThat(db.count("SELECT count(*) FROM devices WHERE id LIKE 'td-%-gb'"))
        .isEqualTo(SPEC.buildings());
    // every series has every step, and nothing outside the range
    assertThat(
            db.count(
                "SELECT count(*) FROM (SELECT series_id FROM readings GROUP BY series_id"
                    + " HAVING count(*) <> "
                    + SPEC.steps()
                    + ") s"))
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM readings WHERE time < '"
                    + SPEC.start()
                    + "' OR time >= '"
                    + SPEC.end()
                    + "'"))
        .isZero();
    // the plain layout's rollup holds what the writer would have added
    assertThat(db.count("SELECT coalesce(sum(reading_count), 0) FROM readings_hourly"))
        .isEqualTo(dataset.readings());
  }

  @Test
  void persistenceReadsItBackAsStoredHourByHour() throws Exception {
    String building = dataset.buildings().get(0).buildingId();
    Instant from = SPEC.start();
    Instant to = from.plus(Duration.ofDays(1));
    Map<Instant, double[]> expected = new HashMap<>();
    dataset.forEachReading(
        (series, time, value, quality) -> {
          if (series.buildingId().equals(building)
              && series.sensorId().equals("outdoor_temp")
              && time.isBefore(to)) {
            double[] sumCount =
                expected.computeIfAbsent(
                    time.truncatedTo(java.time.temporal.ChronoUnit.HOURS), t -> new double[2]);
            sumCount[0] += value;
            sumCount[1]++;
          }
        });
    try (Connection c = db.dataSource().getConnection()) {
      var hours =
          ReadingQueries.buckets(c, building, "outdoor_temp", from, to, Duration.ofHours(1));
      assertThat(hours).hasSize(24);
      for (Bucket hour : hours) {
        double[] sumCount = expected.get(hour.start());
        assertThat(hour.count()).isEqualTo(60 / SPEC.resolution().toMinutes());
        assertThat(hour.avg()).isCloseTo(sumCount[0] / sumCount[1], within(1e-9));
      }
      assertThat(ReadingQueries.raw(c, building, "outdoor_temp", from, to))
          .hasSize(24 * 60 / (int) SPEC.resolution().toMinutes());
    }
  }

  @Test
  void theReadingsArePhysicallyPlausible() throws Exception {
    Map<String, double[]> range = new HashMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sensor_id, min(value), max(value) FROM sensor_readings GROUP BY 1")) {
      while (rs.next()) {
        range.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
      }
    }
    assertThat(range)
        .containsOnlyKeys(
            "vorlauf_temp_hk1",
            "ruecklauf_temp_hk1",
            "outdoor_temp",
            "flow_rate_hk1",
            "heat_power",
            "heat_energy",
            "indoor_temp");
    // two January weeks in central Europe
    assertThat(range.get("outdoor_temp")[0]).isBetween(-25.0, 5.0);
    assertThat(range.get("outdoor_temp")[1]).isBetween(-5.0, 18.0);
    // heating runs: rooms kept near comfort, flow within the equipment's range
    assertThat(range.get("indoor_temp")[0]).isGreaterThan(16.0);
    assertThat(range.get("indoor_temp")[1]).isLessThan(26.0);
    assertThat(range.get("vorlauf_temp_hk1")[1]).isLessThanOrEqualTo(90.0);
    assertThat(range.get("heat_power")[0]).isGreaterThanOrEqualTo(0.0);
    assertThat(range.get("heat_power")[1]).isPositive();

    // the return is never warmer than the flow, and the meter never runs backwards
    assertThat(
            db.count(
                """
                SELECT count(*) FROM sensor_readings f JOIN sensor_readings r
                  ON r.building_id = f.building_id AND r.time = f.time
                 AND f.sensor_id = 'vorlauf_temp_hk1' AND r.sensor_id = 'ruecklauf_temp_hk1'
                WHERE r.value > f.value + 0.01
                """))
        .isZero();
    assertThat(
            db.count(
                """
                SELECT count(*) FROM (
                  SELECT value - lag(value) OVER (PARTITION BY series_id ORDER BY time) AS step
                  FROM sensor_readings WHERE sensor_id = 'heat_energy') m
                WHERE step < 0
                """))
        .isZero();
    // heat pumps stay within their flow limit
    for (BuildingSpec building : dataset.buildings()) {
      if (building.type() == HeatingType.WAERMEPUMPE) {
        assertThat(
                db.count(
                    "SELECT count(*) FROM sensor_readings WHERE building_id = '"
                        + building.buildingId()
                        + "' AND sensor_id = 'vorlauf_temp_hk1' AND value > "
                        + (HeatingType.WAERMEPUMPE.limits().maxFlowC() + 0.01)))
            .isZero();
      }
    }
  }

  @Test
  void theMeterCountsTheHeatThePowerReadingsAddUpTo() throws Exception {
    // per building: the heat meter's advance over the two weeks against the sampled power, summed
    // as kW × 5 min (the meter integrates the same power minute by minute)
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                SELECT building_id,
                       max(value) FILTER (WHERE sensor_id = 'heat_energy')
                         - min(value) FILTER (WHERE sensor_id = 'heat_energy') AS metered_kwh,
                       sum(value) FILTER (WHERE sensor_id = 'heat_power') * %d / 60.0 AS power_kwh
                FROM sensor_readings GROUP BY building_id
                """
                    .formatted(SPEC.resolution().toMinutes()))) {
      int buildings = 0;
      while (rs.next()) {
        buildings++;
        double metered = rs.getDouble(2);
        double fromPower = rs.getDouble(3);
        assertThat(metered).as(rs.getString(1)).isPositive();
        assertThat(fromPower).as(rs.getString(1)).isCloseTo(metered, within(metered * 0.05));
      }
      assertThat(buildings).isEqualTo(SPEC.buildings());
    }
  }

  @Test
  void theDatasetIsBuiltOnceAndLaterUsesHitTheCache() {
    // in this JVM: the same instance however often a test asks
    assertThat(TestData.standard()).isSameAs(dataset);
    // in the next JVM or build: the cache file, with the same readings
    TestDataCache shared = TestDataCache.shared();
    assertThat(shared.fileOf(SPEC)).isRegularFile();
    Dataset nextUse = TestDataCache.in(shared.dir()).get(SPEC);
    assertThat(nextUse.origin()).isEqualTo(Dataset.Origin.CACHE_FILE);
    assertThat(nextUse.key()).isEqualTo(dataset.key());
    assertThat(nextUse.series()).isEqualTo(dataset.series());
    assertThat(nextUse.readings()).isEqualTo(dataset.readings());
  }
}
