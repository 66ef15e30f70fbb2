package de.vorlauf.activities.etl;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Further data the nightly run's retention step ages out besides the features (e.g. optimisation
 * results): one schedule for the platform's derived data. Must be idempotent, as the step is.
 */
public interface RetentionStep {

  /** What is aged out, for the failure message. */
  String name();

  void apply(Instant asOf) throws SQLException;
}
