package de.vorlauf.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's one metrics registry, scraped as Prometheus text on {@code /metrics}: the JVM, the
 * Temporal SDK's own metrics (through its tally scope, see {@link #temporalScope()}) and Vorlauf's
 * ({@code vorlauf_*}, bound by {@link IngestMetrics}, {@link VendorMetrics}, {@link
 * DeviceStateMetrics}). docs/metrics.md lists every one.
 */
public final class WorkerMetrics implements AutoCloseable {

  /** How often the SDK's tally scope hands its counts to the registry. */
  private static final com.uber.m3.util.Duration TEMPORAL_REPORT_EVERY =
      com.uber.m3.util.Duration.ofSeconds(2);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Scope temporalScope;
  // binders hold the objects their meters read: the registry keeps only weak references
  private final List<Object> bound = new ArrayList<>();
  private final List<AutoCloseable> owned = new ArrayList<>();

  public WorkerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    owned.add(gc);
    temporalScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(TEMPORAL_REPORT_EVERY);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * For {@code WorkflowServiceStubsOptions.setMetricsScope}: the SDK reports workflow and activity
   * task latencies, failures, pollers and schedule-to-start latency through it.
   */
  public Scope temporalScope() {
    return temporalScope;
  }

  /** Keeps a binder (and so what its meters read) alive as long as the registry. */
  public <T> T keep(T binder) {
    bound.add(binder);
    if (binder instanceof AutoCloseable closeable) {
      owned.add(closeable);
    }
    return binder;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    owned.add(0, temporalScope::close);
    for (AutoCloseable closeable : owned) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing metrics must never fail a shutdown
      }
    }
    registry.close();
  }
}
