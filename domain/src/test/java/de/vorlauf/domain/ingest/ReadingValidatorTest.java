package de.vorlauf.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.ingest.ReadingValidator.Outcome;
import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.SensorCatalogue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {

  private static final Instant NOW = Instant.parse("2025-01-15T14:30:00Z");
  private final ReadingValidator validator =
      new ReadingValidator(SensorCatalogue.standard(), ValidationPolicy.DEFAULT);

  @Test
  void acceptsAndConvertsToTheCanonicalUnit() {
    Outcome outcome = validator.validate(candidate("heat_power", 12_500, "W", null, NOW), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Outcome.Accepted.class,
            accepted -> {
              assertThat(accepted.reading().value()).isEqualTo(12.5);
              assertThat(accepted.reading().unit()).isEqualTo("kW");
              assertThat(accepted.reading().quality()).isEqualTo(Quality.GOOD);
              assertThat(accepted.reading().time()).isEqualTo(NOW);
            });
  }

  @Test
  void withoutUnitTheCatalogueUnitAppliesAndTheTimestampSourceIsKept() {
    ReadingCandidate bare =
        new ReadingCandidate(
            "d1",
            "vorlauf_temp_hk1",
            NOW,
            52.3,
            null,
            null,
            de.vorlauf.domain.sensor.TimestampSource.RECEIPT);

    assertThat(validator.validate(bare, NOW))
        .isInstanceOfSatisfying(
            Outcome.Accepted.class,
            accepted -> {
              assertThat(accepted.reading().value()).isEqualTo(52.3);
              assertThat(accepted.reading().unit()).isEqualTo("degC");
              assertThat(accepted.reading().timestampSource())
                  .isEqualTo(de.vorlauf.domain.sensor.TimestampSource.RECEIPT);
            });
  }

  @Test
  void unknownSensor() {
    assertRejected(
        candidate("vorlauf_temp_hk9", 50, "degC", null, NOW), RejectReason.UNKNOWN_SENSOR);
  }

  @Test
  void unknownUnit() {
    assertRejected(candidate("vorlauf_temp_hk1", 50, "bar", null, NOW), RejectReason.UNKNOWN_UNIT);
  }

  @Test
  void invalidQuality() {
    assertRejected(
        candidate("vorlauf_temp_hk1", 50, "degC", "fine", NOW), RejectReason.INVALID_QUALITY);
  }

  @Test
  void nonFinite() {
    assertRejected(
        candidate("vorlauf_temp_hk1", Double.NaN, "degC", null, NOW), RejectReason.NON_FINITE);
    assertRejected(
        candidate("heat_power", Double.POSITIVE_INFINITY, "kW", null, NOW),
        RejectReason.NON_FINITE);
  }

  @Test
  void outOfRangeIsJudgedInTheCanonicalUnit() {
    // 400 K is 126.85 °C: plausible for a flow temperature; 500 K is not
    assertThat(validator.validate(candidate("vorlauf_temp_hk1", 400, "K", null, NOW), NOW))
        .isInstanceOf(Outcome.Accepted.class);
    assertRejected(candidate("vorlauf_temp_hk1", 500, "K", null, NOW), RejectReason.OUT_OF_RANGE);
    assertRejected(candidate("flow_rate_hk1", -1, "L/min", null, NOW), RejectReason.OUT_OF_RANGE);
  }

  @Test
  void futureBeyondTheSkewIsRefusedWithinItAccepted() {
    assertThat(
            validator.validate(
                candidate("outdoor_temp", 1, "degC", null, NOW.plusSeconds(299)), NOW))
        .isInstanceOf(Outcome.Accepted.class);
    assertRejected(
        candidate("outdoor_temp", 1, "degC", null, NOW.plusSeconds(301)),
        RejectReason.FUTURE_TIMESTAMP);
  }

  @Test
  void olderThanRetentionIsRefused() {
    assertRejected(
        candidate("outdoor_temp", 1, "degC", null, NOW.minus(Duration.ofDays(91))),
        RejectReason.TOO_OLD);
    assertThat(
            validator.validate(
                candidate("outdoor_temp", 1, "degC", null, NOW.minus(Duration.ofDays(89))), NOW))
        .isInstanceOf(Outcome.Accepted.class);
  }

  private void assertRejected(ReadingCandidate candidate, RejectReason reason) {
    assertThat(validator.validate(candidate, NOW))
        .isInstanceOfSatisfying(
            Outcome.Rejected.class,
            rejected -> {
              assertThat(rejected.rejection().reason()).isEqualTo(reason);
              assertThat(rejected.rejection().sensorId()).isEqualTo(candidate.sensorId());
              assertThat(rejected.rejection().detail()).isNotBlank();
            });
  }

  private static ReadingCandidate candidate(
      String sensor, double value, String unit, String quality, Instant time) {
    return new ReadingCandidate("greenbox-abc123", sensor, time, value, unit, quality);
  }
}
