package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WeatherTest {

  @Test
  void aSeasonOffsetShowsTheModelsWeatherThatManyDaysLater() {
    Weather plain = new Weather(42);
    Weather shifted = new Weather(42, java.time.Duration.ofDays(43));
    Instant t = Instant.parse("2026-12-03T07:31:00Z");
    for (int h = 0; h < 48; h++) {
      Instant at = t.plusSeconds(h * 3600L);
      assertThat(shifted.outdoorC(at)).isEqualTo(plain.outdoorC(at.plusSeconds(43 * 86_400L)));
    }
    // early December made mid-January: colder on average over two weeks
    assertThat(mean(shifted, t, 14)).isLessThan(mean(plain, t, 14));
  }

  private static double mean(Weather weather, Instant from, int days) {
    double sum = 0;
    for (int h = 0; h < days * 24; h++) {
      sum += weather.outdoorC(from.plusSeconds(h * 3600L));
    }
    return sum / (days * 24);
  }

  @Test
  void januaryIsColderThanJuly() {
    for (long seed = 1; seed <= 5; seed++) {
      Weather weather = new Weather(seed);
      double january = monthlyMean(weather, 2026, 1);
      double july = monthlyMean(weather, 2026, 7);
      assertThat(january).isBetween(-6.0, 6.0);
      assertThat(july).isBetween(14.0, 24.0);
      assertThat(july - january).isGreaterThan(10);
    }
  }

  @Test
  void afternoonsAreWarmerThanDawns() {
    Weather weather = new Weather(3);
    double afternoon = 0;
    double dawn = 0;
    for (int day = 0; day < 365; day++) {
      Instant midnight =
          LocalDate.of(2026, 1, 1).plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
      afternoon += weather.outdoorC(midnight.plusSeconds(14 * 3600));
      dawn += weather.outdoorC(midnight.plusSeconds(3 * 3600));
    }
    assertThat((afternoon - dawn) / 365).isBetween(3.0, 10.0);
  }

  @Test
  void isAPureSmoothFunctionOfSeedAndTime() {
    Weather a = new Weather(11);
    Weather b = new Weather(11);
    Weather other = new Weather(12);
    long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    double[] backwards = new double[365 * 1440];
    for (int m = backwards.length - 1; m >= 0; m--) {
      backwards[m] = b.outdoorC(start + 60L * m);
    }
    double maxStep = 0;
    int differing = 0;
    double previous = a.outdoorC(start);
    for (int m = 0; m < backwards.length; m++) {
      double now = a.outdoorC(Instant.ofEpochSecond(start + 60L * m));
      assertThat(now).isEqualTo(backwards[m]);
      maxStep = Math.max(maxStep, Math.abs(now - previous));
      differing += Math.abs(now - other.outdoorC(start + 60L * m)) > 0.5 ? 1 : 0;
      previous = now;
    }
    assertThat(maxStep).isLessThan(0.1);
    assertThat(differing).isGreaterThan(backwards.length / 2);
  }

  private static double monthlyMean(Weather weather, int year, int month) {
    LocalDate first = LocalDate.of(year, month, 1);
    long from = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    double sum = 0;
    int n = 0;
    for (long s = from; s < to; s += 600) {
      sum += weather.outdoorC(s);
      n++;
    }
    return sum / n;
  }
}
