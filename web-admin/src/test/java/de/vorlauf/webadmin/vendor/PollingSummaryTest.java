package de.vorlauf.webadmin.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.workflows.vendor.IngestionPollingWorkflow;
import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingSummaryTest {

  @Test
  void aPollingRunCountsRoundsInstallationsFailuresAndReadings() {
    InstallationStatus ok =
        new InstallationStatus(
            "i-1",
            InstallationStatus.OK,
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            Duration.ZERO,
            40,
            0,
            0,
            0,
            false);
    InstallationStatus failing =
        new InstallationStatus(
            "i-2", InstallationStatus.FAILING, "429", null, null, null, 2, 0, 0, 3, false);
    PollingStatus status =
        new PollingStatus(
            "sim-cloud",
            false,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            7,
            Instant.EPOCH,
            null,
            Instant.EPOCH,
            List.of(ok, failing));

    assertThat(PollingSummary.text(status))
        .isEqualTo(
            "Integration sim-cloud: 7 rounds, 2 installations (1 failing), 42 readings stored.");
    assertThat(new PollingSummary().workflowType())
        .isEqualTo(IngestionPollingWorkflow.class.getSimpleName());
  }
}
