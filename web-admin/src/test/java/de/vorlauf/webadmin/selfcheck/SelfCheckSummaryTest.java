package de.vorlauf.webadmin.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfCheckSummaryTest {

  @Test
  void aReportNamesTheProbesThatFailedAndWhy() {
    ProbeResult db = new ProbeResult(ProbeResult.DATABASE, true, "round trip", 3L);
    ProbeResult mqtt = new ProbeResult(ProbeResult.MQTT, false, "broker refused", null);

    assertThat(
            SelfCheckSummary.text(
                new SelfCheckReport(true, List.of(db), Instant.EPOCH, Instant.EPOCH)))
        .isEqualTo("All 1 probes passed.");
    assertThat(
            SelfCheckSummary.text(
                new SelfCheckReport(false, List.of(db, mqtt), Instant.EPOCH, Instant.EPOCH)))
        .isEqualTo("1 of 2 probes failed: mqtt (broker refused).");
  }
}
