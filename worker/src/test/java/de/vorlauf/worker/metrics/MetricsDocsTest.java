package de.vorlauf.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.testsupport.metrics.MetricsCatalogue;
import de.vorlauf.testsupport.metrics.Scrape;
import de.vorlauf.worker.schedule.ScheduleMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md, the Grafana dashboard and the worker's registry agree: every {@code vorlauf_*}
 * metric the worker registers is documented, and every metric the dashboard names is documented.
 * (That the dashboard's metrics appear on real scrapes is checked by WorkerObservabilityIT and the
 * WAR's MetricsEndpointIT.)
 */
class MetricsDocsTest {

  @Test
  void everyVorlaufMetricOfTheWorkerIsDocumented() throws Exception {
    String text;
    try (WorkerMetrics metrics = new WorkerMetrics()) {
      IngestMetrics.bind(metrics.registry(), () -> null, () -> null);
      new VendorMetrics(metrics.registry(), java.time.Clock.systemUTC())
          .polled("cloud", "installation-1", java.time.Instant.now());
      ScheduleMetrics schedules = new ScheduleMetrics(metrics.registry());
      schedules.observe("platform-self-check", 0, 1, false);
      schedules.runEnded("platform-self-check", "run-1", "completed");
      new EtlMetrics(metrics.registry()).buildingDay(true, java.time.Duration.ofMillis(20));
      new OptimizationMetrics(metrics.registry())
          .building(
              de.vorlauf.workflows.optimization.BuildingOutcome.Status.FALLBACK,
              "NO_MODEL",
              java.time.Duration.ofMillis(30));
      DeliveryMetrics delivery = new DeliveryMetrics(metrics.registry());
      delivery.sent(true);
      delivery.settled(
          de.vorlauf.persistence.delivery.DeliveryState.APPLIED, java.time.Duration.ofMillis(80));
      delivery.ackIgnored("repeated");
      new PortfolioMetrics(metrics.registry())
          .finished(
              new de.vorlauf.persistence.portfolio.PortfolioRunStore.Run(
                  1,
                  "portfolio-optimization-1",
                  "run-1",
                  java.time.Instant.parse("2026-12-04T14:00:00Z"),
                  "hourly",
                  "COMPLETED",
                  new de.vorlauf.persistence.portfolio.PortfolioRunStore.Counts(
                      10, 7, 1, 1, 1, java.util.Map.of("NO_MODEL", 1)),
                  java.time.Instant.parse("2026-12-04T14:05:00Z"),
                  java.time.Instant.parse("2026-12-04T14:06:00Z"),
                  java.time.Instant.parse("2026-12-04T14:06:00Z"),
                  null));
      text = metrics.scrape();
    }
    Files.writeString(Path.of("target/worker-metrics-sample.txt"), text);
    MetricsCatalogue catalogue = MetricsCatalogue.load();
    Set<String> undocumented = new TreeSet<>();
    for (String name : Scrape.parse(text).names()) {
      if (name.startsWith("vorlauf_") && !catalogue.isDocumented(name)) {
        undocumented.add(name);
      }
    }
    assertThat(undocumented).as("add them to docs/metrics.md").isEmpty();
  }

  @Test
  void everyMetricOnTheDashboardIsDocumented() {
    MetricsCatalogue catalogue = MetricsCatalogue.load();
    assertThat(catalogue.dashboardMetrics()).isNotEmpty();
    Set<String> undocumented = new TreeSet<>();
    for (String name : catalogue.dashboardMetrics()) {
      if (!catalogue.isDocumented(name)) {
        undocumented.add(name);
      }
    }
    assertThat(undocumented).as("dashboard metrics missing from docs/metrics.md").isEmpty();
  }
}
