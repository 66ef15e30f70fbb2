package de.vorlauf.domain.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with a zone offset, as devices send them. The common shapes ({@code
 * 2025-01-15T14:30:00Z}, {@code …:00.123+01:00}) are read by hand: at fleet rates the general
 * {@link java.time.format.DateTimeFormatter} path was a fifth of the worker's ingest CPU. Every
 * other shape goes to {@link OffsetDateTime#parse}, which also gives the error for bad input, so
 * both paths accept exactly the same strings.
 */
final class IsoTimestamps {

  private IsoTimestamps() {}

  /**
   * @throws DateTimeParseException when {@code text} is not ISO-8601 with an offset
   */
  static Instant parse(String text) {
    Instant fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  private static Instant fast(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour > 23
        || minute > 59
        || second > 59
        || hour < 0
        || minute < 0
        || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(s, start, i);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    Integer offset = offsetSeconds(s, i);
    if (offset == null || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
  }

  private static Integer offsetSeconds(String s, int i) {
    int n = s.length();
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return 0;
    }
    if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, i + 3);
      int minutes = digits(s, i + 4, i + 6);
      if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
        return null;
      }
      int seconds = hours * 3_600 + minutes * 60;
      if (seconds > 18 * 3_600) {
        return null;
      }
      return s.charAt(i) == '-' ? -seconds : seconds;
    }
    return null;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
