package de.vorlauf.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a dataset holds: {@code buildings} simulated buildings of the fleet {@code seed} draws (the
 * simulator's {@code FleetSpecs}, ids {@code td-0001}...), their catalogue sensors sampled every
 * {@code resolution} from {@code start} for {@code days} days. Equal specs give bit-identical
 * readings: the physics is a pure function of seed and time.
 *
 * @param resolution a whole number of minutes dividing a day (the simulation steps by the minute)
 * @param prefix the building ids' prefix ({@value #BUILDING_PREFIX} unless a test shares its
 *     database with another dataset's buildings, e.g. the WAR's ITs)
 */
public record DatasetSpec(
    long seed, int buildings, Instant start, int days, Duration resolution, String prefix) {

  /** Building ids are {@code td-0001}, {@code td-0002}, ...; their gateways {@code td-0001-gb}. */
  public static final String BUILDING_PREFIX = "td";

  /**
   * Six buildings (three gas, one heat pump, one district heating, one hybrid: the fleet's type
   * shares rounded) over two January weeks, so heating runs all the time, at five minutes: about
   * 155,000 readings, enough for the ETL's 15-minute resample and a small training set, and loaded
   * in about a second.
   */
  public static final DatasetSpec STANDARD =
      new DatasetSpec(42, 6, Instant.parse("2026-01-05T00:00:00Z"), 14, Duration.ofMinutes(5));

  /** Buildings {@code td-0001}... */
  public DatasetSpec(long seed, int buildings, Instant start, int days, Duration resolution) {
    this(seed, buildings, start, days, resolution, BUILDING_PREFIX);
  }

  public DatasetSpec {
    Objects.requireNonNull(start, "start");
    if (!prefix.matches("[a-z][a-z0-9]{0,15}")) {
      throw new IllegalArgumentException("prefix must be a short lower-case word: " + prefix);
    }
    Objects.requireNonNull(resolution, "resolution");
    if (buildings < 1 || buildings > 9_999) {
      throw new IllegalArgumentException("buildings must be within 1..9999: " + buildings);
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be positive: " + days);
    }
    if (start.getEpochSecond() % 60 != 0 || start.getNano() != 0) {
      throw new IllegalArgumentException("start must be on a full minute: " + start);
    }
    long minutes = resolution.toMinutes();
    if (minutes < 1 || !resolution.equals(Duration.ofMinutes(minutes)) || 1440 % minutes != 0) {
      throw new IllegalArgumentException(
          "resolution must be whole minutes dividing a day: " + resolution);
    }
  }

  /** The first instant after the data: readings cover {@code [start, end)}. */
  public Instant end() {
    return start.plus(Duration.ofDays(days));
  }

  /** Samples per building and sensor. */
  public int steps() {
    return (int) (Duration.ofDays(days).toMinutes() / resolution.toMinutes());
  }

  /** The parameters as text, part of the cache key. */
  String describe() {
    String text =
        "seed=%d buildings=%d start=%s days=%d resolution=%s"
            .formatted(seed, buildings, start, days, resolution);
    // the default prefix is left out: the cache files of existing specs keep their keys
    return prefix.equals(BUILDING_PREFIX) ? text : text + " prefix=" + prefix;
  }
}
