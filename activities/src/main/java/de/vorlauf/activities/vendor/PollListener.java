package de.vorlauf.activities.vendor;

import java.time.Instant;

/**
 * Told after every successful poll of an installation: the worker turns it into the polling-lag
 * metric. Called on the activity's thread; must not block.
 */
@FunctionalInterface
public interface PollListener {

  PollListener NONE = (integrationId, installationId, cursor) -> {};

  /**
   * @param cursor the time up to which this installation's readings are stored now
   */
  void polled(String integrationId, String installationId, Instant cursor);
}
