package de.vorlauf.bench.closedloop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The harness's simulated time: it stands still until the harness moves it. */
final class SimulatedClock extends Clock {

  private volatile Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  void set(Instant value) {
    now = value;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is UTC");
  }
}
