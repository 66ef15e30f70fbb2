package de.vorlauf.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.worker.health.IngestProgressPublisher;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;

final class SelfCheckAssertions {

  private SelfCheckAssertions() {}

  /** Everything a passing self-check against live services must show. */
  static void assertAllProbesPassed(SelfCheckReport report, String brokerUrl) {
    assertThat(report.ok()).as("report %s", report).isTrue();
    assertThat(report.probes())
        .extracting(ProbeResult::name)
        .containsExactly("database", "mqtt", "clock", "ingestion", "integrations");
    ProbeResult database = report.probes().get(0);
    assertThat(database.detail()).startsWith("PostgreSQL ").contains("write #1");
    assertThat(database.latencyMillis()).isNotNull().isGreaterThanOrEqualTo(0L);
    ProbeResult mqtt = report.probes().get(1);
    assertThat(mqtt.detail()).startsWith("QoS 1 publish→receive via " + brokerUrl);
    assertThat(mqtt.latencyMillis()).isNotNull().isGreaterThanOrEqualTo(0L);
    assertThat(report.probes().get(2).detail())
        .startsWith("clocks agree within threshold 2000 ms")
        .contains("database vs worker")
        .contains("mqtt message vs worker")
        .contains("temporal server vs worker");
    assertThat(report.probes().get(3).detail())
        .startsWith("ingestion keeps up: live lane 0 readings queued, 0 messages in flight")
        .contains(" — 1 process reporting (" + IngestProgressPublisher.processId(0).split(":")[0]);
    assertThat(report.probes().get(4).detail()).isEqualTo("no vendor integrations configured");
    assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
  }
}
