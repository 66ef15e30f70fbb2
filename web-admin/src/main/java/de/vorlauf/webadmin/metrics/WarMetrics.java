package de.vorlauf.webadmin.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import de.vorlauf.ingest.metrics.PipelineMetrics;
import de.vorlauf.webadmin.ingest.IngestService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The WAR's metrics registry, served by {@link MetricsServlet}: the JVM, the Temporal client's
 * requests ({@link #temporalScope()}) and REST ingestion's pipeline ({@link PipelineMetrics}, the
 * worker's code and names). docs/metrics.md lists every one and says why Micrometer lives in the
 * WAR rather than in a WildFly subsystem.
 */
@ApplicationScoped
public class WarMetrics {

  @Inject IngestService ingest;

  private PrometheusMeterRegistry registry;
  private Scope temporalScope;
  private JvmGcMetrics gc;
  // the meters hold it weakly: kept here as long as the registry
  private PipelineMetrics pipeline;

  @PostConstruct
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    pipeline = PipelineMetrics.bind(registry, ingest::runningPipeline, ingest::writerStats);
    temporalScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(2));
  }

  /** For the Temporal client's {@code WorkflowServiceStubsOptions.setMetricsScope}. */
  public Scope temporalScope() {
    return temporalScope;
  }

  /** For features that register meters of their own (experiments). */
  public MeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  void stop() {
    try {
      temporalScope.close();
    } catch (Exception e) {
      // closing metrics must never fail an undeploy
    }
    gc.close();
    registry.close();
  }
}
