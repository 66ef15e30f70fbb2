package de.vorlauf.persistence.timeseries;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test rows: one reading per second from {@code start} for one device and sensor. */
final class Rows {

  private Rows() {}

  static List<ReadingRow> series(
      String building, String device, String sensor, Instant start, int count) {
    List<ReadingRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(
          new ReadingRow(
              start.plusSeconds(i),
              building,
              device,
              sensor,
              40.0 + i % 17 * 0.5,
              "degC",
              i % 10 == 0 ? Quality.UNCERTAIN : Quality.GOOD));
    }
    return rows;
  }

  /** Stand-in series ids for a batch, one per key (its hash), as the writer's cache would give. */
  static int[] ids(List<Submission> batch) {
    return batch.stream()
        .flatMap(s -> s.rows().stream())
        .mapToInt(r -> r.seriesKey().hashCode() & 0x7fffffff)
        .toArray();
  }

  static StagedRows staged(List<Submission> batch) {
    return StagedRows.of(batch, ids(batch));
  }
}
