package de.vorlauf.domain.heating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalHoursTest {

  /** Instants around both of 2027's transitions and a year end, every 15 minutes. */
  private static List<Instant> instants() {
    List<Instant> instants = new ArrayList<>();
    for (String start :
        List.of("2027-03-26T00:00:00Z", "2027-10-29T00:00:00Z", "2026-12-30T00:00:00Z")) {
      Instant at = Instant.parse(start);
      for (int i = 0; i < 4 * 24 * 4; i++) {
        instants.add(at.plus(Duration.ofMinutes(15L * i)));
      }
    }
    return instants;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"})
  void agreesWithAtZoneForwardsBackwardsAndInAnyOrder(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    List<Instant> forwards = instants();
    List<Instant> backwards = new ArrayList<>(forwards);
    Collections.reverse(backwards);
    List<Instant> shuffled = new ArrayList<>(forwards);
    Collections.shuffle(shuffled, new Random(7));

    for (List<Instant> order : List.of(forwards, backwards, shuffled)) {
      LocalHours local = new LocalHours(zone);
      for (Instant instant : order) {
        ZonedDateTime expected = instant.atZone(zone);
        assertThat(local.hourOfDay(instant)).as("%s", instant).isEqualTo(expected.getHour());
        assertThat(local.secondOfDay(instant))
            .as("%s", instant)
            .isEqualTo(expected.toLocalTime().toSecondOfDay());
        assertThat(local.secondOfDay(instant.getEpochSecond()))
            .as("%s", instant)
            .isEqualTo(expected.toLocalTime().toSecondOfDay());
        assertThat(local.epochDay(instant))
            .as("%s", instant)
            .isEqualTo(expected.toLocalDate().toEpochDay());
      }
    }
  }
}
