package de.vorlauf.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockSkewCheckTest {

  private final ClockSkewCheck check = new ClockSkewCheck(Duration.ofSeconds(2));

  @Test
  void roundTripPutsTheEstimateAtTheMidpointWithHalfTheTripAsUncertainty() {
    Instant sent = Instant.parse("2026-01-01T00:00:00Z");
    ClockOffset offset =
        ClockOffset.fromRoundTrip("database", sent.plusMillis(1_050), sent, sent.plusMillis(100));

    assertThat(offset.offset()).isEqualTo(Duration.ofMillis(1_000));
    assertThat(offset.uncertainty()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void roundTripThatEndsBeforeItStartsIsRejected() {
    Instant sent = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> ClockOffset.fromRoundTrip("db", sent, sent, sent.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clocksWithinThresholdPass() {
    ClockSkewReport report =
        check.evaluate("worker", List.of(offset("database", 15, 2), offset("temporal", -300, 0)));

    assertThat(report.ok()).isTrue();
    assertThat(report.comparisons())
        .extracting(ClockComparison::clocks)
        .containsExactly("database vs worker", "temporal vs worker", "temporal vs database");
    assertThat(report.explanation()).startsWith("clocks agree within threshold 2000 ms");
  }

  @Test
  void skewBeyondThresholdFailsAndNamesTheClocks() {
    ClockSkewReport report = check.evaluate("worker", List.of(offset("database", 5_000, 10)));

    assertThat(report.ok()).isFalse();
    assertThat(report.comparisons().get(0).verdict()).isEqualTo(SkewVerdict.EXCEEDED);
    assertThat(report.explanation())
        .contains("clock skew beyond threshold 2000 ms")
        .contains("database vs worker: +5000 ms ± 10 ms (exceeded)");
  }

  @Test
  void twoReferencesEachJustWithinCanStillDisagreeWithEachOther() {
    ClockSkewReport report =
        check.evaluate(
            "worker", List.of(offset("database", 1_500, 0), offset("temporal", -1_500, 0)));

    assertThat(report.ok()).isFalse();
    assertThat(report.comparisons())
        .filteredOn(c -> c.verdict() == SkewVerdict.EXCEEDED)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.clocks()).isEqualTo("temporal vs database");
              assertThat(c.offset()).isEqualTo(Duration.ofMillis(-3_000));
            });
  }

  @Test
  void impreciseMeasurementIsInconclusiveNotOk() {
    ClockSkewReport report = check.evaluate("worker", List.of(offset("database", 1_000, 1_500)));

    assertThat(report.ok()).isFalse();
    assertThat(report.comparisons().get(0).verdict()).isEqualTo(SkewVerdict.INCONCLUSIVE);
    assertThat(report.explanation()).startsWith("cannot confirm");
  }

  @Test
  void largeUncertaintyAroundZeroStillExceedingIsInconclusive() {
    // the interval [-2.5 s, +2.5 s] contains both "in sync" and "beyond the threshold"
    assertThat(check.evaluate("worker", List.of(offset("mqtt", 0, 2_500))).ok()).isFalse();
  }

  @Test
  void exactlyAtTheThresholdIsWithin() {
    assertThat(check.evaluate("worker", List.of(offset("database", 1_900, 100))).ok()).isTrue();
  }

  @Test
  void noReferenceIsNotOk() {
    ClockSkewReport report = check.evaluate("worker", List.of());
    assertThat(report.ok()).isFalse();
    assertThat(report.explanation()).contains("no reference clock");
  }

  @Test
  void thresholdMustBePositive() {
    assertThatThrownBy(() -> new ClockSkewCheck(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ClockOffset offset(String source, long offsetMillis, long uncertaintyMillis) {
    return new ClockOffset(
        source, Duration.ofMillis(offsetMillis), Duration.ofMillis(uncertaintyMillis));
  }
}
