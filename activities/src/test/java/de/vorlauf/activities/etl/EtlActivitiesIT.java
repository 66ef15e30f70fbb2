package de.vorlauf.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.testdata.MigratedWithTestData;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.workflows.etl.EtlActivities;
import de.vorlauf.workflows.etl.EtlBatch;
import de.vorlauf.workflows.etl.EtlBatchResult;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ETL activities on the simulator's test data (6 buildings, 2026-01-05 for 14 days, a reading
 * every 5 minutes): plan and refusal, a backfill batch writing features, and a nightly batch that
 * recomputes a dirty day (late data) beside yesterday and clears its mark.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtlActivitiesIT {

  private static final Instant AS_OF = Instant.parse("2026-01-12T02:00:00Z");

  private TestDatabase db;
  private EtlTestEnvironment env;
  private EtlActivities etl;

  @BeforeAll
  void start(TestDatabase database) {
    db = database;
    env = EtlTestEnvironment.on(database.dataSource(), 2);
    etl = env.activities();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void aBackfillIsPlannedOrRefusedWithItsReason() throws Exception {
    long buildings = db.count("SELECT count(*) FROM buildings WHERE active");
    assertThat(
            etl.plan(request(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 10))).buildingDays())
        .isEqualTo(buildings * 5);
    assertThatThrownBy(() -> etl.plan(request(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2))))
        .hasStackTraceContaining("raw readings are kept 90 days");
  }

  @Test
  void aBackfillBatchWritesEveryBuildingDayOfTheSimulatedFleet() throws Exception {
    List<String> ids = etl.activeBuildings(null, 100).buildingIds();
    assertThat(ids).isNotEmpty();

    EtlBatchResult result =
        etl.processBatch(
            new EtlBatch(
                "it-backfill",
                EtlMode.BACKFILL,
                ids,
                LocalDate.of(2026, 1, 7),
                LocalDate.of(2026, 1, 8),
                AS_OF));

    assertThat(result.failures()).isEmpty();
    assertThat(result.done()).isEqualTo(ids.size() * 2L);
    assertThat(
            db.count(
                "SELECT count(*) FROM building_features WHERE etl_run = 'it-backfill'"
                    + " AND quality > 0.9 AND heat_power_kw[1] IS NOT NULL"))
        .isGreaterThan(ids.size() * 2L * 96 * 9 / 10);
  }

  @Test
  void aBackfillDayStillRunningInTheBuildingsZoneIsReportedNotWrittenHalf() throws Exception {
    List<String> ids = etl.activeBuildings(null, 100).buildingIds();
    // 21:00 in Berlin and Zurich: 2026-01-11 is over east of UTC+3, so the range check passes it
    Instant evening = Instant.parse("2026-01-11T20:00:00Z");
    LocalDate day = LocalDate.of(2026, 1, 11);
    assertThat(etl.plan(request(day, day, evening)).buildingDays()).isEqualTo(ids.size());

    EtlBatchResult result =
        etl.processBatch(new EtlBatch("it-running-day", EtlMode.BACKFILL, ids, day, day, evening));

    assertThat(result.done()).isZero();
    assertThat(result.failures())
        .hasSize(ids.size())
        .allSatisfy(
            f ->
                assertThat(f.error())
                    .contains("not over yet in Europe/")
                    .contains("last complete day is 2026-01-10"));
    assertThat(db.count("SELECT count(*) FROM building_features WHERE etl_run = 'it-running-day'"))
        .isZero();
  }

  @Test
  void aNightlyBatchRecomputesADirtyDayBesideYesterdayAndClearsItsMark() throws Exception {
    List<String> ids = etl.activeBuildings(null, 100).buildingIds();
    String late = ids.get(0);
    db.execute(
        "INSERT INTO etl_dirty_days (building_id, day, marked_at) VALUES ('"
            + late
            + "', '2026-01-09', now() - INTERVAL '1 minute')");

    EtlBatchResult result =
        etl.processBatch(new EtlBatch("it-nightly", EtlMode.NIGHTLY, ids, null, null, AS_OF));

    assertThat(result.done()).isEqualTo(ids.size() + 1L);
    assertThat(
            db.count(
                "SELECT count(*) FROM etl_building_days WHERE etl_run = 'it-nightly'"
                    + " AND day = '2026-01-11'"))
        .isEqualTo(ids.size());
    assertThat(
            db.count(
                "SELECT count(*) FROM etl_building_days WHERE etl_run = 'it-nightly'"
                    + " AND day = '2026-01-09' AND building_id = '"
                    + late
                    + "'"))
        .isOne();
    assertThat(db.count("SELECT count(*) FROM etl_dirty_days")).isZero();
  }

  private static EtlRequest request(LocalDate from, LocalDate to) {
    return request(from, to, AS_OF);
  }

  private static EtlRequest request(LocalDate from, LocalDate to, Instant asOf) {
    return new EtlRequest(EtlMode.BACKFILL, null, List.of(), from, to, 0, asOf, null, null);
  }
}
