package de.vorlauf.webadmin.it;

import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.testdata.Dataset;
import de.vorlauf.testdata.DatasetSpec;
import de.vorlauf.testdata.FixtureModel;
import de.vorlauf.testdata.TestData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Simulated buildings with the last week and today of readings and features (their own id prefix,
 * so no other IT's dataset collides) and the fixture model as {@code heat-demand}'s champion, in
 * the WAR's database: what {@code POST /api/v1/optimize} needs to predict. Each prefix is loaded
 * once per test JVM, the model registered once.
 */
final class RealtimeFixture {

  static final HolidayCalendar HOLIDAYS = HolidayCalendar.germany();

  private static final Set<String> LOADED = new HashSet<>();
  private static boolean model;

  private RealtimeFixture() {}

  /** The ids of {@code count} buildings {@code <prefix>-0001}…, loaded. */
  static synchronized List<String> buildings(String prefix, int count) throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
    Dataset data =
        TestData.dataset(new DatasetSpec(42, count, start, 8, Duration.ofMinutes(5), prefix));
    DataSource ds = ItDatabase.dataSource();
    if (LOADED.add(prefix)) {
      data.loadInto(ds);
      data.loadFeaturesInto(ds);
    }
    if (!model) {
      FixtureModel.registerChampion(ds, "realtime-it");
      model = true;
    }
    return data.buildings().stream().map(b -> b.buildingId()).toList();
  }

  /** The platform's state of {@code building} as of {@code asOf}, as the hourly run reads it. */
  static BuildingStates.Read state(String building, Instant asOf) throws SQLException {
    DataSource ds = ItDatabase.dataSource();
    return new BuildingStates(ds, new FeaturesNow(ds, new FeatureCalculator(HOLIDAYS)))
        .read(building, asOf);
  }

  /** A request body whose snapshot is {@code snapshot}'s temperatures at {@code timestamp}. */
  static Map<String, Object> request(String building, Instant timestamp, HourObservation snapshot) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("timestamp", timestamp.toString());
    state.put("outdoor_temp", snapshot.outdoorC());
    state.put("flow_temp", snapshot.flowC());
    state.put("return_temp", snapshot.returnC());
    if (Double.isFinite(snapshot.indoorC())) {
      state.put("indoor_temp", snapshot.indoorC());
    }
    return Map.of("building_id", building, "current_state", state);
  }
}
