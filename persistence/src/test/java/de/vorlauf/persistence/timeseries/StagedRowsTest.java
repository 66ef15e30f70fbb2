package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedRowsTest {

  @Test
  void theFirstSubmissionCarryingAKeyOwnsIt() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Submission a = Submission.of(Rows.series("b", "d", "s", t, 3));
    Submission b = Submission.of(Rows.series("b", "d", "s", t.plusSeconds(2), 3)); // 1 overlap
    StagedRows staged = Rows.staged(List.of(a, b));
    assertThat(staged.size()).isEqualTo(5);
    assertThat(staged.submissionOf()).containsExactly(0, 0, 0, 1, 1);
  }

  @Test
  void keysAreComparedAtMicrosecondPrecisionLikePostgres() {
    Instant t = Instant.parse("2026-01-01T00:00:00.000001Z");
    ReadingRow one = Rows.series("b", "d", "s", t, 1).get(0);
    ReadingRow same = Rows.series("b", "d", "s", t.plusNanos(999), 1).get(0);
    assertThat(Rows.staged(List.of(Submission.of(List.of(one, same)))).size()).isEqualTo(1);
  }

  @Test
  void theSameTimeInTwoSeriesIsTwoRows() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Submission a = Submission.of(Rows.series("b", "d", "s", t, 1));
    Submission moved = Submission.of(Rows.series("b2", "d", "s", t, 1)); // the device moved
    assertThat(Rows.staged(List.of(a, moved)).size()).isEqualTo(2);
  }
}
