package de.vorlauf.webadmin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void defaults() {
    IngestConfig config = IngestConfig.defaults();

    assertThat(config.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(config.queueRows()).isEqualTo(100_000);
    assertThat(config.offlineAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.rotationOverlap()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void readsTheVariablesAndNamesABadOne() {
    IngestConfig config =
        IngestConfig.fromEnvironment(
            Map.of(
                "VORLAUF_INGEST_MAX_BODY_BYTES", "4096",
                "VORLAUF_INGEST_OFFLINE_MINUTES", "3",
                "VORLAUF_CREDENTIAL_ROTATION_OVERLAP", "PT0S"));

    assertThat(config.maxBodyBytes()).isEqualTo(4096);
    assertThat(config.offlineAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(config.rotationOverlap()).isZero();
    assertThatThrownBy(
            () -> IngestConfig.fromEnvironment(Map.of("VORLAUF_CREDENTIAL_ROTATION_OVERLAP", "1h")))
        .hasMessageContaining("VORLAUF_CREDENTIAL_ROTATION_OVERLAP=1h: expected an ISO-8601");
    assertThatThrownBy(
            () -> IngestConfig.fromEnvironment(Map.of("VORLAUF_INGEST_MAX_BODY_BYTES", "12")))
        .hasMessageContaining("VORLAUF_INGEST_MAX_BODY_BYTES=12: expected a whole number 1024..");
    // a body could hold more readings than the writer queue takes at once
    assertThatThrownBy(
            () ->
                IngestConfig.fromEnvironment(
                    Map.of(
                        "VORLAUF_INGEST_QUEUE_ROWS",
                        "1000",
                        "VORLAUF_INGEST_MAX_BODY_BYTES",
                        "1048576")))
        .hasMessageContaining("at least 32768");
  }

  @Test
  void theLimitsItSharesWithTheWorkerAreTheWorkers() {
    // one declaration: the worker refuses the same values with the same words
    assertThatThrownBy(
            () -> IngestConfig.fromEnvironment(Map.of("VORLAUF_INGEST_OFFLINE_MINUTES", "20000")))
        .hasMessageContaining(
            "VORLAUF_INGEST_OFFLINE_MINUTES=20000: expected a whole number 1..10080");
    assertThatThrownBy(
            () -> IngestConfig.fromEnvironment(Map.of("VORLAUF_STORAGE_RAW_RETENTION", "PT1H")))
        .hasMessageContaining("at least P2D");
    assertThat(
            IngestConfig.fromEnvironment(Map.of("VORLAUF_INGEST_QUARANTINE_CAP", "5000000000"))
                .quarantineCap())
        .isEqualTo(5_000_000_000L);
  }
}
