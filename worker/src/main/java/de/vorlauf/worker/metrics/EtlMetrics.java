package de.vorlauf.worker.metrics;

import de.vorlauf.activities.etl.EtlListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The nightly ETL on this worker: {@code vorlauf_etl_building_days_total{outcome}} (processed or
 * failed) and {@code vorlauf_etl_building_day_seconds} (read, compute and write of one
 * building-day, all its attempts).
 */
public final class EtlMetrics implements EtlListener {

  private final Counter processed;
  private final Counter failed;
  private final Timer duration;

  public EtlMetrics(MeterRegistry registry) {
    processed = counter(registry, "processed");
    failed = counter(registry, "failed");
    duration =
        Timer.builder("vorlauf.etl.building.day")
            .description("read, compute and write of one building-day's features, all attempts")
            .register(registry);
  }

  @Override
  public void buildingDay(boolean ok, Duration took) {
    (ok ? processed : failed).increment();
    duration.record(took);
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("vorlauf.etl.building.days")
        .description("building-days of the feature ETL, by outcome (processed or failed)")
        .tag("outcome", outcome)
        .register(registry);
  }
}
