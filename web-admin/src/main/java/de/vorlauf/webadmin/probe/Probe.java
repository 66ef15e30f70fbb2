package de.vorlauf.webadmin.probe;

import java.time.Duration;

/** A live check of one service. Implementations bound every network call by their own timeouts. */
public interface Probe {

  /** Longest a probe may take; the status page reports it down after that. */
  Duration TIMEOUT = Duration.ofSeconds(6);

  String name();

  /** Never throws: a failure is a {@link ServiceCheck} that is down, with the reason. */
  ServiceCheck check();
}
