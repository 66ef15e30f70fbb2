package de.vorlauf.devstack.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.process.Readiness;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.Origin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the temporal CLI (or Go to build it): deploy/install-test-deps.sh provides it. */
class CliDevServerIT {

  @TempDir Path dir;

  @BeforeAll
  static void cliIsAvailable() {
    assertThat(TemporalCli.locate().isPresent() || TemporalCli.goBinary().isPresent())
        .as("the temporal CLI or Go must be installed; run deploy/install-test-deps.sh")
        .isTrue();
  }

  @Test
  void servesTheDefaultNamespaceAndTheWebUiAndComesBackAfterAStop() {
    TemporalOptions options =
        new TemporalOptions(
            dir, FreePorts.find(), FreePorts.find(), null, TemporalKind.CLI_DEV_SERVER);
    try (RunningTemporal temporal = TemporalService.start(options)) {
      assertThat(temporal.kind()).isEqualTo(TemporalKind.CLI_DEV_SERVER);
      assertThat(temporal.origin()).isEqualTo(Origin.STARTED_BINARY);
      assertThat(temporal.label()).startsWith("Temporal CLI dev server");
      assertThat(describe(temporal)).isEqualTo("default");
      URI ui = URI.create(temporal.uiUrl().orElseThrow());
      await().atMost(Duration.ofSeconds(30)).until(() -> Readiness.httpStatus(ui) == 200);
      assertThat(dir.resolve("temporal/temporal.db")).exists();

      temporal.stop();
      temporal.start();

      assertThat(describe(temporal)).isEqualTo("default");
    }
  }

  private static String describe(RunningTemporal temporal) {
    try (TemporalTestClient client = new TemporalTestClient(temporal.address())) {
      return client.describe("default").getNamespaceInfo().getName();
    }
  }
}
