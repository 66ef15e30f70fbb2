package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.persistence.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes, deduplication, partitions, rollup and retention on plain PostgreSQL. */
class PlainStorageIT {

  @TempDir static Path dir;
  private static TestDatabase database;

  private HikariDataSource ds;
  private ReadingWriter writer;

  @BeforeAll
  static void startPostgres() {
    database = TestDatabase.start(dir);
  }

  @AfterAll
  static void stopPostgres() {
    database.close();
  }

  @BeforeEach
  void migrate() throws Exception {
    ds = database.freshSchema();
    Migrations.migrate(ds);
    writer =
        ReadingWriter.start(
            ds,
            StorageMode.PLAIN_POSTGRESQL,
            WriterSettings.defaults().withLinger(Duration.ofMillis(20)),
            "it-writer");
  }

  @AfterEach
  void close() {
    writer.close();
    ds.close();
  }

  @Test
  void detectsPlainMode() throws Exception {
    try (Connection c = ds.getConnection()) {
      assertThat(StorageMode.detect(c)).isEqualTo(StorageMode.PLAIN_POSTGRESQL);
      assertThat(PartitionManager.list(c))
          .containsAll(PartitionNames.window(LocalDate.now(ZoneOffset.UTC), 7));
    }
  }

  @Test
  void theSameBatchTwiceIsStoredAndRolledUpOnce() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    List<ReadingRow> rows = Rows.series("b1", "d1", "vorlauf_temp_hk1", start, 2_000);
    WriteResult first = writer.trySubmit(rows).get(10, TimeUnit.SECONDS);
    WriteResult second = writer.trySubmit(rows).get(10, TimeUnit.SECONDS);
    assertThat(first).isEqualTo(new WriteResult(2_000, 0));
    assertThat(second).isEqualTo(new WriteResult(0, 2_000));
    assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings")).isEqualTo(2_000);
    assertThat(TestDatabase.count(ds, "SELECT sum(reading_count) FROM sensor_readings_hourly"))
        .isEqualTo(2_000);
  }

  @Test
  void aBatchOfNewAndStoredRowsStoresOnlyTheNewOnes() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    writer.trySubmit(Rows.series("b1", "d1", "s", start, 10)).get(10, TimeUnit.SECONDS);
    WriteResult mixed =
        writer
            .trySubmit(Rows.series("b1", "d1", "s", start.plusSeconds(5), 10))
            .get(10, TimeUnit.SECONDS);
    assertThat(mixed).isEqualTo(new WriteResult(5, 5));
    assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings")).isEqualTo(15);
    assertThat(TestDatabase.count(ds, "SELECT sum(reading_count) FROM sensor_readings_hourly"))
        .isEqualTo(15);
  }

  @Test
  void duplicatesWithinOneBatchAreCountedOnce() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<ReadingRow> rows = Rows.series("b1", "d1", "s", start, 10);
    CompletableFuture<WriteResult> a = writer.trySubmit(rows);
    CompletableFuture<WriteResult> b = writer.trySubmit(rows.subList(5, 10));
    assertThat(a.get(10, TimeUnit.SECONDS).inserted() + b.get(10, TimeUnit.SECONDS).inserted())
        .isEqualTo(10);
    assertThat(TestDatabase.count(ds, "SELECT sum(reading_count) FROM sensor_readings_hourly"))
        .isEqualTo(10);
  }

  @Test
  void backfilledAndLateRowsGetTheirPartitions() throws Exception {
    Instant now = Instant.now();
    Instant backfill = now.minus(Duration.ofDays(60));
    Instant ahead = now.plus(Duration.ofDays(20)); // beyond the 7 days created in advance
    List<ReadingRow> rows = new ArrayList<>();
    rows.addAll(Rows.series("b1", "d1", "s", backfill, 100));
    rows.addAll(Rows.series("b1", "d1", "s", ahead, 100));
    rows.addAll(Rows.series("b1", "d1", "s", now, 100));
    assertThat(writer.trySubmit(rows).get(10, TimeUnit.SECONDS).inserted()).isEqualTo(300);
    try (Connection c = ds.getConnection()) {
      assertThat(PartitionManager.list(c))
          .contains(PartitionNames.dayOf(backfill), PartitionNames.dayOf(ahead));
    }
    assertThat(
            TestDatabase.count(
                ds,
                "SELECT count(*) FROM " + PartitionNames.nameOf(PartitionNames.dayOf(backfill))))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void twoWritersCreatingTheSamePartitionsConcurrentlyBothSucceed() throws Exception {
    Instant old = Instant.now().minus(Duration.ofDays(40));
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    try (ReadingWriter other =
        ReadingWriter.start(
            ds, StorageMode.PLAIN_POSTGRESQL, WriterSettings.defaults(), "it-writer-2")) {
      for (int day = 0; day < 10; day++) {
        Instant t = old.plus(Duration.ofDays(day));
        futures.add(writer.trySubmit(Rows.series("b1", "d1", "s", t, 50)));
        futures.add(other.trySubmit(Rows.series("b1", "d2", "s", t, 50)));
      }
      for (CompletableFuture<WriteResult> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS).inserted()).isEqualTo(50);
      }
    }
  }

  @Test
  void twoConnectionsCreatingTheSamePartitionsAtOnceNeverFail() throws Exception {
    LocalDate base = LocalDate.now(ZoneOffset.UTC).minusDays(300);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        List<LocalDate> days =
            List.of(
                base.plusDays(round * 3L),
                base.plusDays(round * 3L + 1),
                base.plusDays(round * 3L + 2));
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Object>> results = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
          results.add(
              two.submit(
                  () -> {
                    try (Connection c = ds.getConnection()) {
                      barrier.await(10, TimeUnit.SECONDS);
                      new PartitionManager().ensure(c, days);
                    }
                    return null;
                  }));
        }
        for (Future<Object> result : results) {
          result.get(30, TimeUnit.SECONDS);
        }
      }
    } finally {
      two.shutdownNow();
    }
    try (Connection c = ds.getConnection()) {
      assertThat(PartitionManager.list(c)).contains(base, base.plusDays(29));
    }
  }

  @Test
  void rollupViewEqualsAGroupByOverRawRows() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    for (int device = 0; device < 5; device++) {
      for (int chunk = 0; chunk < 10; chunk++) {
        // overlapping chunks: every other one repeats half of its predecessor
        Instant t = start.plusSeconds(chunk * 6_000L - (chunk % 2) * 3_000L);
        futures.add(
            writer.trySubmit(
                Rows.series(
                    "b" + device % 2,
                    "d" + device,
                    device % 3 == 0 ? "outdoor_temp" : "vorlauf_temp_hk1",
                    t,
                    6_000 / 7)));
      }
    }
    for (CompletableFuture<WriteResult> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    String mismatches =
        """
        SELECT count(*) FROM (
          SELECT date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
                 building_id, sensor_id, min(value) AS min_value, max(value) AS max_value,
                 avg(value) AS avg_value, count(*) AS reading_count
          FROM sensor_readings GROUP BY 1, 2, 3) raw
        FULL JOIN sensor_readings_hourly v USING (bucket, building_id, sensor_id)
        WHERE raw.reading_count IS DISTINCT FROM v.reading_count
           OR raw.min_value IS DISTINCT FROM v.min_value
           OR raw.max_value IS DISTINCT FROM v.max_value
           OR abs(raw.avg_value - v.avg_value) > 1e-9
           OR v.avg_value IS NULL OR raw.avg_value IS NULL
        """;
    assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings_hourly"))
        .isGreaterThan(20);
    assertThat(TestDatabase.count(ds, mismatches)).isZero();
  }

  @Test
  void bucketQueriesAgreeBetweenRollupAndRawRows() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    writer.trySubmit(Rows.series("b1", "d1", "s", start, 4 * 3_600)).get(30, TimeUnit.SECONDS);
    try (Connection c = ds.getConnection()) {
      List<ReadingQueries.Bucket> twoHours =
          ReadingQueries.buckets(
              c, "b1", "s", start, start.plus(Duration.ofHours(4)), Duration.ofHours(2));
      List<ReadingQueries.Bucket> quarter =
          ReadingQueries.buckets(
              c, "b1", "s", start, start.plus(Duration.ofHours(4)), Duration.ofMinutes(15));
      assertThat(twoHours).hasSize(2);
      assertThat(quarter).hasSize(16);
      assertThat(twoHours.get(0).count()).isEqualTo(7_200);
      double quarterAvg =
          quarter.subList(0, 8).stream()
              .mapToDouble(ReadingQueries.Bucket::avg)
              .average()
              .orElseThrow();
      assertThat(twoHours.get(0).avg()).isCloseTo(quarterAvg, within(1e-9));
      assertThat(ReadingQueries.raw(c, "b1", "s", start, start.plusSeconds(10))).hasSize(10);
    }
  }

  @Test
  void retentionDropsWholeOldPartitionsAndPrunesTheRollup() throws Exception {
    Instant now = Instant.now();
    // ten seconds from the start of an hour: one rollup row each (from now - 100 d they crossed an
    // hour boundary when the test ran in the last ten seconds of an hour, seen in CI)
    Instant old = now.minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.HOURS);
    Instant kept = now.minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);
    writer.trySubmit(Rows.series("b1", "d1", "s", old, 10)).get(10, TimeUnit.SECONDS);
    writer.trySubmit(Rows.series("b1", "d1", "s", kept, 10)).get(10, TimeUnit.SECONDS);
    StorageSettings settings =
        new StorageSettings(
            Duration.ofDays(90), Duration.ofDays(95), Duration.ofDays(1), Duration.ofDays(7), 7);
    StorageMaintenance.Result result =
        new StorageMaintenance(ds, settings, Clock.systemUTC()).runOnce();
    assertThat(result.partitionsDropped())
        .contains(PartitionNames.dayOf(now.minus(Duration.ofDays(100))));
    assertThat(result.rollupRowsDeleted()).isEqualTo(1);
    assertThat(TestDatabase.count(ds, "SELECT count(*) FROM sensor_readings")).isEqualTo(10);
    try (Connection c = ds.getConnection()) {
      assertThat(PartitionManager.list(c))
          .contains(PartitionNames.dayOf(now.minus(Duration.ofDays(60))))
          .allMatch(day -> !PartitionNames.expired(day, now, settings.rawRetention()));
    }
    // rows for a dropped day can still arrive (backfill): the partition comes back
    assertThat(
            writer
                .trySubmit(Rows.series("b1", "d9", "s", now.minus(Duration.ofDays(100)), 5))
                .get(10, TimeUnit.SECONDS)
                .inserted())
        .isEqualTo(5);
  }
}
