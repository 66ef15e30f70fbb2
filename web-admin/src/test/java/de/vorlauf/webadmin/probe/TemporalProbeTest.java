package de.vorlauf.webadmin.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.workflowservice.v1.GetClusterInfoResponse;
import org.junit.jupiter.api.Test;

class TemporalProbeTest {

  @Test
  void sqlitePersistenceMeansTheCliDevServer() {
    GetClusterInfoResponse info =
        GetClusterInfoResponse.newBuilder()
            .setServerVersion("1.29.1")
            .setPersistenceStore("sqlite")
            .build();

    assertThat(TemporalProbe.serverKind(info)).isEqualTo("Temporal dev server 1.29.1 (SQLite)");
  }

  @Test
  void anyOtherStoreMeansACluster() {
    GetClusterInfoResponse info =
        GetClusterInfoResponse.newBuilder()
            .setServerVersion("1.28.0")
            .setPersistenceStore("postgres12")
            .build();

    assertThat(TemporalProbe.serverKind(info)).isEqualTo("Temporal cluster 1.28.0 (postgres12)");
  }

  @Test
  void theTestServerLimitsNameWhatTheUiCannotRelyOn() {
    assertThat(TemporalProbe.TEST_SERVER_LIMITS)
        .anyMatch(limit -> limit.contains("Schedules"))
        .anyMatch(limit -> limit.contains("visibility"))
        .anyMatch(limit -> limit.contains("persisted"));
  }
}
