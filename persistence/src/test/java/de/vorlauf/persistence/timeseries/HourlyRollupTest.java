package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourlyRollupTest {

  @Test
  void groupsBySeriesAndUtcHour() {
    Instant t = Instant.parse("2026-01-01T09:59:58Z");
    Submission one = Submission.of(Rows.series("b1", "d1", "s", t, 4)); // 2 + 2 rows
    Submission two = Submission.of(Rows.series("b2", "d2", "s", t, 1));
    StagedRows staged = StagedRows.of(List.of(one, two), new int[] {7, 7, 7, 7, 3});
    long nine = Instant.parse("2026-01-01T09:00:00Z").getEpochSecond();
    long ten = Instant.parse("2026-01-01T10:00:00Z").getEpochSecond();
    Map<HourlyRollup.Key, HourlyRollup.Group> groups = HourlyRollup.aggregate(staged);
    assertThat(groups.keySet())
        .containsExactly(
            new HourlyRollup.Key(3, nine),
            new HourlyRollup.Key(7, nine),
            new HourlyRollup.Key(7, ten));
    HourlyRollup.Group group = groups.get(new HourlyRollup.Key(7, ten));
    assertThat(group.count).isEqualTo(2);
    assertThat(group.min).isEqualTo(41.0);
    assertThat(group.max).isEqualTo(41.5);
    assertThat(group.sum).isEqualTo(82.5);
  }
}
