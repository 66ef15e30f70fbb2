package de.vorlauf.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

  @Test
  void agreesWithOffsetDateTimeOnManyTimestamps() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
      OffsetDateTime time = instant.atOffset(offset);
      String text = time.toString();
      assertThat(IsoTimestamps.parse(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-15T14:30:00Z",
        "2025-01-15T14:30:00.5Z",
        "2025-01-15T14:30:00.123456789+01:00",
        "2025-01-15T14:30Z",
        "2024-02-29T23:59:59-05:30",
        "2025-01-15t14:30:00z"
      })
  void acceptsWhatOffsetDateTimeAccepts(String text) {
    assertThat(IsoTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-15T14:30:00",
        "2025-02-29T10:00:00Z",
        "2025-13-01T10:00:00Z",
        "2025-01-15T24:00:00Z",
        "2025-01-15T14:30:00+19:00",
        "2025-01-15 14:30:00Z",
        "yesterday"
      })
  void refusesWhatOffsetDateTimeRefuses(String text) {
    assertThatThrownBy(() -> IsoTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
