package de.vorlauf.worker.metrics;

import de.vorlauf.persistence.ops.FleetRepository;
import de.vorlauf.persistence.ops.FleetRules;
import de.vorlauf.persistence.ops.FleetSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vorlauf_devices{state}}: registered active devices by triage state (online, offline,
 * stale, never_seen), by the fleet view's rules. Counted by one query every {@link #PERIOD} on a
 * thread of its own, never during a scrape: a scrape must not wait for the database, and the fleet
 * query reads every device. NaN until the first count succeeded.
 */
public final class DeviceStateMetrics implements AutoCloseable {

  static final Duration PERIOD = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(DeviceStateMetrics.class);
  private static final Map<String, ToLongFunction<FleetSummary>> STATES =
      Map.of(
          "online", FleetSummary::online,
          "offline", FleetSummary::offline,
          "stale", FleetSummary::stale,
          "never_seen", FleetSummary::neverSeen);

  private final FleetRepository fleet;
  private final FleetRules rules;
  private final Clock clock;
  private final AtomicReference<FleetSummary> last = new AtomicReference<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "vorlauf-metrics-devices");
            thread.setDaemon(true);
            return thread;
          });

  private DeviceStateMetrics(DataSource dataSource, FleetRules rules, Clock clock) {
    this.fleet = new FleetRepository(dataSource);
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * @param offlineAfter the ingestion's offline time, which the fleet view judges states by
   */
  public static DeviceStateMetrics start(
      MeterRegistry registry, DataSource dataSource, Duration offlineAfter, Clock clock) {
    DeviceStateMetrics metrics =
        new DeviceStateMetrics(
            dataSource, new FleetRules(offlineAfter, Duration.ofHours(24)), clock);
    STATES.forEach(
        (state, count) ->
            Gauge.builder("vorlauf.devices", metrics, m -> m.count(count))
                .description("active registered devices by state (fleet view's rules)")
                .tag("state", state)
                .register(registry));
    metrics.timer.scheduleWithFixedDelay(
        metrics::refresh, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return metrics;
  }

  private void refresh() {
    try {
      last.set(fleet.summary(rules, clock.instant()));
    } catch (Exception e) {
      // the database's own readiness check says so; the gauges keep the last count
      log.debug("counting devices by state failed: {}", e.getMessage());
    }
  }

  private double count(ToLongFunction<FleetSummary> state) {
    FleetSummary summary = last.get();
    return summary == null ? Double.NaN : state.applyAsLong(summary);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
