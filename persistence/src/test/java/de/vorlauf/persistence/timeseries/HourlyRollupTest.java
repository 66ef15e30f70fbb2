package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourlyRollupTest {

  @Test
  void groupsByUtcHourBuildingAndSensor() {
    Instant t = Instant.parse("2026-01-01T09:59:58Z");
    List<ReadingRow> rows = new ArrayList<>(Rows.series("b1", "d1", "s", t, 4)); // 2 + 2 rows
    rows.addAll(Rows.series("b2", "d2", "s", t, 1));
    Map<HourlyRollup.Key, HourlyRollup.Group> groups = HourlyRollup.aggregate(rows);
    assertThat(groups.keySet())
        .containsExactly(
            new HourlyRollup.Key(Instant.parse("2026-01-01T09:00:00Z"), "b1", "s"),
            new HourlyRollup.Key(Instant.parse("2026-01-01T09:00:00Z"), "b2", "s"),
            new HourlyRollup.Key(Instant.parse("2026-01-01T10:00:00Z"), "b1", "s"));
    HourlyRollup.Group ten =
        groups.get(new HourlyRollup.Key(Instant.parse("2026-01-01T10:00:00Z"), "b1", "s"));
    assertThat(ten.count).isEqualTo(2);
    assertThat(ten.min).isEqualTo(41.0);
    assertThat(ten.max).isEqualTo(41.5);
    assertThat(ten.sum).isEqualTo(82.5);
  }
}
