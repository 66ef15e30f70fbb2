package de.vorlauf.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus an offset a test moves forward: code under test that takes a {@link Clock}
 * sees a cache TTL or a timeout pass at once instead of the test sleeping it out, while time still
 * flows (threads, timestamps in messages stay realistic).
 */
public final class TestClock extends Clock {

  private final AtomicLong offsetNanos = new AtomicLong();

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    offsetNanos.addAndGet(duration.toNanos());
  }

  @Override
  public Instant instant() {
    return Instant.now().plusNanos(offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
