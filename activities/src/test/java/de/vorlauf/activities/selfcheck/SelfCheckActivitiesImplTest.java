package de.vorlauf.activities.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.vorlauf.activities.db.PlatformProbeStore;
import de.vorlauf.activities.db.PlatformProbeStore.ProbeRow;
import de.vorlauf.domain.clock.ClockSkewCheck;
import de.vorlauf.ingest.mqtt.MqttRoundTrip;
import de.vorlauf.workflows.selfcheck.ClockCheckRequest;
import de.vorlauf.workflows.selfcheck.ClockReading;
import de.vorlauf.workflows.selfcheck.DatabaseProbeOutcome;
import de.vorlauf.workflows.selfcheck.MqttProbeOutcome;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfCheckActivitiesImplTest {

  private final PlatformProbeStore store = mock(PlatformProbeStore.class);
  private final MqttRoundTrip mqtt = mock(MqttRoundTrip.class);
  private final SelfCheckActivitiesImpl activities =
      new SelfCheckActivitiesImpl(
          store,
          mqtt,
          new ClockSkewCheck(Duration.ofSeconds(2)),
          Clock.systemUTC(),
          mock(IngestionProbe.class),
          mock(IntegrationProbe.class));
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  void databaseRoundTripReportsVersionLatencyAndClock() throws SQLException {
    Instant t = Instant.parse("2026-11-26T07:00:00Z");
    when(store.writeAndReadBack(eq("self-check-1"), anyString()))
        .thenAnswer(
            call ->
                new ProbeRow(call.getArgument(1), 2, "15.19", t.plusMillis(1), t, t.plusMillis(2)));

    DatabaseProbeOutcome outcome = activities.probeDatabase("self-check-1");

    assertThat(outcome.detail())
        .startsWith("PostgreSQL 15.19: wrote and read back")
        .contains("write #2");
    assertThat(outcome.databaseClock())
        .isEqualTo(new ClockReading("database", t.plusMillis(1), t, t.plusMillis(2)));
  }

  @Test
  void databaseReadBackOfAnotherTokenFails() throws SQLException {
    Instant t = Instant.now();
    when(store.writeAndReadBack(anyString(), anyString()))
        .thenReturn(new ProbeRow("someone-else", 1, "15.19", t, t, t));

    assertThatThrownBy(() -> activities.probeDatabase("self-check-2"))
        .isInstanceOf(DatabaseProbeException.class)
        .hasMessageContaining("read back another token");
  }

  @Test
  void databaseFailureNamesTheRootCause() throws SQLException {
    when(store.writeAndReadBack(anyString(), anyString()))
        .thenThrow(
            new SQLTransientConnectionException(
                "pool - Connection is not available, request timed out after 10000ms",
                "08001",
                new ConnectException("Connection refused")));

    assertThatThrownBy(() -> activities.probeDatabase("self-check-3"))
        .hasMessageContaining("Connection is not available")
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("SQLSTATE 08001");
  }

  @Test
  void mqttRoundTripReportsLatencyAndMessageClock() {
    Instant t = Instant.parse("2026-11-26T07:00:00Z");
    when(mqtt.brokerUrl()).thenReturn("tcp://127.0.0.1:1883");
    when(mqtt.run("self-check-4"))
        .thenReturn(
            new MqttRoundTrip.Result("topic", 3_000_000L, t, t, t.plusMillis(3), Optional.empty()));

    MqttProbeOutcome outcome = activities.probeMqtt("self-check-4");

    assertThat(outcome.latencyMillis()).isEqualTo(3);
    assertThat(outcome.detail())
        .isEqualTo("QoS 1 publish→receive via tcp://127.0.0.1:1883 in 3 ms");
    assertThat(outcome.messageClock().source()).isEqualTo("mqtt message");
  }

  @Test
  void clocksInSyncWithTheTemporalServerPass() {
    Instant now = Instant.now();
    ProbeResult result =
        stub()
            .checkClocks(
                new ClockCheckRequest(
                    List.of(
                        new ClockReading("database", now, now.minusMillis(2), now.plusMillis(2)))));

    assertThat(result.ok()).as(result.detail()).isTrue();
    assertThat(result.detail())
        .contains("database vs worker")
        .contains("temporal server vs worker")
        .contains("temporal server vs database");
  }

  @Test
  void skewedDatabaseClockFailsTheCheck() {
    Instant now = Instant.now();
    Instant skewed = now.plusSeconds(30);
    ProbeResult result =
        stub()
            .checkClocks(
                new ClockCheckRequest(
                    List.of(new ClockReading("database", skewed, now, now.plusMillis(1)))));

    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .contains("clock skew beyond threshold 2000 ms")
        .contains("database vs worker");
  }

  private SelfCheckActivities stub() {
    env.registerActivitiesImplementations(activities);
    return env.newActivityStub(
        SelfCheckActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }
}
