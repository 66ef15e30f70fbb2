package de.vorlauf.activities.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.activities.etl.EtlTestEnvironment;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DayFeatures;
import de.vorlauf.testdata.MigratedWithTestData;
import de.vorlauf.testdata.TestData;
import de.vorlauf.testdata.TestDataCache;
import de.vorlauf.testdata.TestDataLoader;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.workflows.etl.EtlActivities;
import de.vorlauf.workflows.etl.EtlBatch;
import de.vorlauf.workflows.etl.EtlBatchResult;
import de.vorlauf.workflows.etl.EtlMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test data's features are the ETL's: loaded by COPY into a database holding the fixture's
 * readings, then building-days of every building are run through the ETL activity (the code path of
 * the nightly workflow: {@code FeatureSource} reading the stored readings, the rules, {@code
 * FeatureStore.replaceDay}), and the rows it writes must equal the loaded ones, column by column,
 * as must the days' bookkeeping in {@code etl_building_days}. Fails when the fixture's computation,
 * its cache or its loader drifts from what the ETL produces.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDataFeaturesIT {

  // after the last day of the data, so that every one of its local days is complete
  private static final Instant AS_OF = Instant.parse("2026-01-25T02:00:00Z");
  private static final String RUN = "it-test-data-features";

  private static final String FEATURES =
      """
      SELECT building_id, time, outdoor_temp, outdoor_temp_src, indoor_temp, indoor_temp_src,
             flow_temp, flow_temp_src, return_temp, return_temp_src, flow_rate, flow_rate_src,
             spread, heat_power_kw, heat_power_total_kw, metered_heat_power_kw,
             metered_heat_power_src, heat_power_disagreement_kw, heating_degree_hours, local_hour,
             day_of_week, holiday, quality, readings, bad_readings
      FROM building_features ORDER BY building_id, time
      """;

  private static final String DAYS =
      """
      SELECT building_id, day, slots, mean_quality, readings, bad_readings
      FROM etl_building_days ORDER BY building_id, day
      """;

  private TestDatabase db;
  private Dataset dataset;
  private EtlTestEnvironment env;
  private EtlActivities etl;

  @BeforeAll
  void start(TestDatabase database) {
    db = database;
    dataset = TestData.standard();
    env = EtlTestEnvironment.on(database.dataSource(), 1);
    etl = env.activities();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void theFixturesFeaturesAreWhatTheEtlWritesFromItsReadings() throws Exception {
    assertThat(dataset.featureRows()).isGreaterThan(6 * 14 * 96);
    assertThat(dataset.loadFeaturesInto(db.dataSource())).isEqualTo(dataset.featureRows());
    assertThat(
            db.count(
                "SELECT count(*) FROM etl_building_days WHERE etl_run = '"
                    + TestDataLoader.FEATURES_RUN
                    + "'"))
        .isEqualTo(dataset.features().size());
    List<List<Object>> loaded = rows(FEATURES);
    List<List<Object>> loadedDays = rows(DAYS);

    // the ETL activity over the building-days where the two could part: the partial first and
    // last local days (edge fill, the data's end), their neighbours (the gap rule's margin reaches
    // into them) and one ordinary day; every building, one batch per date
    Map<LocalDate, List<String>> compared = new TreeMap<>();
    long comparedRows = 0;
    for (DayFeatures day : dataset.features()) {
      if (comparedDates().contains(day.day().date())) {
        compared
            .computeIfAbsent(day.day().date(), d -> new ArrayList<>())
            .add(day.day().buildingId());
        comparedRows += day.rows().size();
      }
    }
    assertThat(compared).hasSize(comparedDates().size());
    compared.forEach(
        (date, buildings) -> {
          EtlBatchResult result =
              etl.processBatch(new EtlBatch(RUN, EtlMode.BACKFILL, buildings, date, date, AS_OF));
          assertThat(result.failures()).as(date.toString()).isEmpty();
          assertThat(result.done()).as(date.toString()).isEqualTo(buildings.size());
        });
    assertThat(db.count("SELECT count(*) FROM building_features WHERE etl_run = '" + RUN + "'"))
        .as("the compared days' rows are the ETL's now")
        .isEqualTo(comparedRows);

    assertThat(differences(loaded, rows(FEATURES))).isEmpty();
    assertThat(differences(loadedDays, rows(DAYS))).isEmpty();
  }

  @Test
  void theFeaturesAreCachedWithTheReadingsAndLookLikeAWinterFortnight() {
    Dataset nextUse = TestDataCache.in(TestDataCache.shared().dir()).get(dataset.spec());
    assertThat(nextUse.origin()).isEqualTo(Dataset.Origin.CACHE_FILE);
    assertThat(nextUse.features()).isEqualTo(dataset.features());

    // full local days of five-minute data: every required value raw, heating on
    for (DayFeatures day : dataset.features()) {
      if (day.day().start().isBefore(dataset.spec().start())
          || day.day().end().isAfter(dataset.spec().end())) {
        continue;
      }
      assertThat(day.rows()).hasSize(day.day().slots());
      assertThat(day.rows()).allSatisfy(row -> assertThat(row.quality()).isEqualTo(1.0));
      assertThat(day.rows().stream().mapToDouble(r -> r.heatPowerKw()).average().orElseThrow())
          .as(day.day().toString())
          .isPositive();
    }
  }

  /** The dataset's first two and last two local days (UTC+1 in January) and one in between. */
  private List<LocalDate> comparedDates() {
    LocalDate first = LocalDate.ofInstant(dataset.spec().start(), ZoneOffset.ofHours(1));
    LocalDate last = LocalDate.ofInstant(dataset.spec().end(), ZoneOffset.ofHours(1));
    return List.of(first, first.plusDays(1), first.plusDays(7), last.minusDays(1), last);
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(
              value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Up to 20 differences, named by row key and column index; doubles equal within 1e-9. */
  private static List<String> differences(List<List<Object>> expected, List<List<Object>> actual) {
    List<String> differences = new ArrayList<>();
    if (expected.size() != actual.size()) {
      differences.add("rows: " + expected.size() + " loaded, " + actual.size() + " from the ETL");
    }
    for (int r = 0; r < Math.min(expected.size(), actual.size()) && differences.size() < 20; r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      for (int col = 0; col < e.size(); col++) {
        if (!same(e.get(col), a.get(col))) {
          differences.add(
              e.get(0)
                  + " "
                  + e.get(1)
                  + " column "
                  + (col + 1)
                  + ": "
                  + e.get(col)
                  + " <> "
                  + a.get(col));
        }
      }
    }
    return differences;
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!same(e.get(i), a.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Double e && actual instanceof Double a) {
      // the readings' order within a slot may differ between memory and the database
      return Math.abs(e - a) <= 1e-9 * Math.max(1.0, Math.abs(e));
    }
    return Objects.equals(expected, actual);
  }
}
