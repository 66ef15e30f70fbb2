package de.vorlauf.worker.metrics;

import de.vorlauf.activities.vendor.PollListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code vorlauf_vendor_polling_lag_seconds{integration, installation}}: now minus the cursor of
 * the installation's last successful poll on this worker. The labels stay bounded: integrations are
 * configured by the operator and an installation is a heating plant of a vendor account (a handful
 * per integration, not per reading or device). A series appears with the first successful poll.
 */
public final class VendorMetrics implements PollListener {

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Instant> cursors = new ConcurrentHashMap<>();

  public VendorMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void polled(String integrationId, String installationId, Instant cursor) {
    String key = integrationId + "\u0000" + installationId;
    if (cursors.put(key, cursor) == null) {
      Gauge.builder("vorlauf.vendor.polling.lag", this, m -> m.lagSeconds(key))
          .description("now minus the cursor of the installation's last successful poll")
          .baseUnit("seconds")
          .tag("integration", integrationId)
          .tag("installation", installationId)
          .register(registry);
    }
  }

  private double lagSeconds(String key) {
    Instant cursor = cursors.get(key);
    return cursor == null
        ? Double.NaN
        : Duration.between(cursor, clock.instant()).toMillis() / 1000.0;
  }
}
