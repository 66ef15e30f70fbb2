package de.vorlauf.worker.logging;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface LogProbeActivities {

  /** Logs one line with the marker. Idempotent, no side effects besides the log. */
  String logLine(String marker);
}
