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
              i % 10 == 0 ? Quality.UNCERTAIN : Quality.GOOD,
              Instant.now()));
    }
    return rows;
  }
}
