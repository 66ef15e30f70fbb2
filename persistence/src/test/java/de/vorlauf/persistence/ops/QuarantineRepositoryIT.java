package de.vorlauf.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine browser's queries against a real, migrated PostgreSQL (one set of rows). */
class QuarantineRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;
  private static QuarantineRepository quarantine;
  private static List<Long> ids;

  @BeforeAll
  static void start() throws SQLException {
    db = RepositoryDatabase.start(dbDir);
    quarantine = new QuarantineRepository(db.dataSource());
    db.execute(
        """
        INSERT INTO quarantine (received_at, source, device_id, topic, reason, detail, sensor_id,
                                payload, payload_complete, message_key, part) VALUES
          ('2026-02-01T00:00:00Z', 'mqtt', 'q-1', 'greenbox/q-1/sensors', 'out_of_range',
           'flow_temp 180 above 120', 'flow_temp',
           '{"device_id":"q-1", "timestamp": "2026-01-31T23:59:00Z"}', true, 'm1', 0),
          ('2026-02-01T01:00:00Z', 'rest', 'q-1', NULL, 'unknown_unit', 'unit F', 'flow_temp',
           '{"device_id":"q-1","u":"F","timestamp":"2026-01-31T10:00:00Z"}', true, 'm2', 0),
          ('2026-02-01T02:00:00Z', 'rest', 'q-2', NULL, 'out_of_range', NULL, 'return_temp',
           '{"timestamp":"2026-02-01T01:59:00Z","rea', false, 'm3', 0),
          ('2026-02-01T03:00:00Z', 'mqtt', NULL, 'greenbox/x', 'malformed_json', NULL, NULL,
           '{', true, 'm4', 0)
        """);
    ids = quarantine.ids(new QuarantineFilter(null, null, null, null), 10);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void pagesComeNewestFirstWithoutPayloadsAndCountAllMatches() throws SQLException {
    Page<QuarantineRow> first =
        quarantine.page(new QuarantineFilter(null, null, null, null), new PageRequest(0, 3));
    Page<QuarantineRow> second =
        quarantine.page(new QuarantineFilter(null, null, null, null), new PageRequest(1, 3));

    assertThat(first.total()).isEqualTo(4);
    assertThat(first.items())
        .extracting(QuarantineRow::reason)
        .containsExactly("malformed_json", "out_of_range", "unknown_unit");
    assertThat(first.items()).extracting(QuarantineRow::payload).containsOnlyNulls();
    assertThat(second.items()).extracting(QuarantineRow::receivedAt).containsExactly(T0);
  }

  @Test
  void everyFilterPartNarrowsTheRows() throws SQLException {
    assertThat(reasons(new QuarantineFilter(" q-1 ", null, null, null)))
        .containsExactly("unknown_unit", "out_of_range");
    assertThat(reasons(new QuarantineFilter(null, "out_of_range", null, null)))
        .containsExactly("out_of_range", "out_of_range");
    assertThat(reasons(new QuarantineFilter("q-1", "out_of_range", null, null)))
        .containsExactly("out_of_range");
    // from inclusive, to exclusive, on arrival time
    assertThat(
            reasons(
                new QuarantineFilter(null, null, T0.plusSeconds(3_600), T0.plusSeconds(3 * 3_600))))
        .containsExactly("out_of_range", "unknown_unit");
  }

  @Test
  void oneRowCarriesItsPayloadAndWhetherItIsExact() throws SQLException {
    QuarantineRow cut = quarantine.find(ids.get(2)).orElseThrow();

    assertThat(cut.deviceId()).isEqualTo("q-2");
    assertThat(cut.sensorId()).isEqualTo("return_temp");
    assertThat(cut.payload()).isEqualTo("{\"timestamp\":\"2026-02-01T01:59:00Z\",\"rea");
    assertThat(cut.payloadComplete()).isFalse();
    assertThat(quarantine.find(ids.get(0)).orElseThrow().topic()).isEqualTo("greenbox/q-1/sensors");
    assertThat(quarantine.find(-1)).isEmpty();
  }

  @Test
  void idsOfMatchingRowsComeOldestFirstUpToTheLimit() throws SQLException {
    assertThat(ids).hasSize(4).isSorted();
    assertThat(quarantine.ids(new QuarantineFilter("q-1", null, null, null), 1))
        .containsExactly(ids.get(0));
    assertThat(quarantine.ids(new QuarantineFilter("nobody", null, null, null), 10)).isEmpty();
  }

  @Test
  void rowsAreFilteredBySensorAndShowTheTimestampTheMessageCarried() throws SQLException {
    QuarantineFilter bySensor = new QuarantineFilter("q-1", "flow_temp", null, null, null);

    Page<QuarantineRow> newest = quarantine.page(bySensor, new PageRequest(0, 10), true);
    assertThat(newest.total()).isEqualTo(2);
    assertThat(newest.items())
        .extracting(QuarantineRow::readingTimestamp)
        .containsExactly("2026-01-31T10:00:00Z", "2026-01-31T23:59:00Z");
    assertThat(quarantine.page(bySensor, new PageRequest(0, 1), false).items())
        .extracting(QuarantineRow::readingTimestamp)
        .containsExactly("2026-01-31T23:59:00Z");
    assertThat(quarantine.ids(bySensor, 10)).hasSize(2);
    // a cut payload may end inside its timestamp: none is taken from it
    assertThat(quarantine.find(ids.get(2)).orElseThrow().readingTimestamp()).isNull();
    assertThat(quarantine.find(ids.get(0)).orElseThrow().readingTimestamp())
        .isEqualTo("2026-01-31T23:59:00Z");
  }

  @Test
  void matchingRowsAreGroupedLargestGroupFirst() throws SQLException {
    QuarantineFilter all = new QuarantineFilter(null, null, null, null);

    assertThat(quarantine.groups(all, QuarantineGroup.By.REASON, 10))
        .extracting(QuarantineGroup::key, QuarantineGroup::rows)
        .containsExactly(
            tuple("out_of_range", 2L), tuple("malformed_json", 1L), tuple("unknown_unit", 1L));
    assertThat(quarantine.groups(all, QuarantineGroup.By.SENSOR, 10))
        .extracting(QuarantineGroup::key)
        .containsExactly("flow_temp", "return_temp", null);
    assertThat(quarantine.groups(all, QuarantineGroup.By.DEVICE, 1))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.key()).isEqualTo("q-1");
              assertThat(g.firstReceived()).isEqualTo(T0);
              assertThat(g.lastReceived()).isEqualTo(T0.plusSeconds(3_600));
            });
    assertThat(quarantine.reasonsSeen()).contains("out_of_range", "unknown_unit", "malformed_json");
  }

  private static List<String> reasons(QuarantineFilter filter) throws SQLException {
    return quarantine.page(filter, new PageRequest(0, 50)).items().stream()
        .map(QuarantineRow::reason)
        .toList();
  }
}
