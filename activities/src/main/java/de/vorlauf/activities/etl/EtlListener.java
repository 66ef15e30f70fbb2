package de.vorlauf.activities.etl;

import java.time.Duration;

/**
 * Told after every building-day the ETL handled: the worker turns it into metrics. Called on the
 * activity's thread; must not block.
 */
public interface EtlListener {

  EtlListener NONE = (ok, took) -> {};

  /**
   * @param ok features written (false: given up after its attempts)
   * @param took read, compute and write of the day, all attempts
   */
  void buildingDay(boolean ok, Duration took);
}
