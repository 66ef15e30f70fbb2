package de.vorlauf.activities.selfcheck;

import de.vorlauf.activities.db.PlatformProbeStore;
import de.vorlauf.activities.db.PlatformProbeStore.ProbeRow;
import de.vorlauf.domain.clock.ClockOffset;
import de.vorlauf.domain.clock.ClockSkewCheck;
import de.vorlauf.domain.clock.ClockSkewReport;
import de.vorlauf.ingest.mqtt.MqttRoundTrip;
import de.vorlauf.workflows.selfcheck.ClockCheckRequest;
import de.vorlauf.workflows.selfcheck.ClockReading;
import de.vorlauf.workflows.selfcheck.DatabaseProbeOutcome;
import de.vorlauf.workflows.selfcheck.MqttProbeOutcome;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

public class SelfCheckActivitiesImpl implements SelfCheckActivities {

  static final String WORKER_CLOCK = "worker";
  static final String TEMPORAL_CLOCK = "temporal server";

  private final PlatformProbeStore probeStore;
  private final MqttRoundTrip mqttRoundTrip;
  private final ClockSkewCheck clockSkewCheck;
  private final Clock clock;
  private final IngestionProbe ingestion;
  private final IntegrationProbe integrations;

  public SelfCheckActivitiesImpl(
      PlatformProbeStore probeStore,
      MqttRoundTrip mqttRoundTrip,
      ClockSkewCheck clockSkewCheck,
      Clock clock,
      IngestionProbe ingestion,
      IntegrationProbe integrations) {
    this.probeStore = probeStore;
    this.mqttRoundTrip = mqttRoundTrip;
    this.clockSkewCheck = clockSkewCheck;
    this.clock = clock;
    this.ingestion = ingestion;
    this.integrations = integrations;
  }

  @Override
  public DatabaseProbeOutcome probeDatabase(String probeKey) {
    String token = UUID.randomUUID().toString();
    long started = System.nanoTime();
    ProbeRow row;
    try {
      row = probeStore.writeAndReadBack(probeKey, token);
    } catch (SQLException e) {
      throw new DatabaseProbeException(SqlErrors.describe(e), e);
    }
    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (row == null || !token.equals(row.token())) {
      throw new DatabaseProbeException(
          "wrote probe row %s but read back %s"
              .formatted(probeKey, row == null ? "nothing" : "another token"));
    }
    return new DatabaseProbeOutcome(
        latencyMillis,
        "PostgreSQL %s: wrote and read back probe row in %d ms (write #%d)"
            .formatted(row.serverVersion(), latencyMillis, row.writeCount()),
        new ClockReading(
            ProbeResult.DATABASE, row.databaseTime(), row.localBefore(), row.localAfter()));
  }

  @Override
  public MqttProbeOutcome probeMqtt(String probeKey) {
    MqttRoundTrip.Result result = mqttRoundTrip.run(probeKey);
    long latencyMillis = TimeUnit.NANOSECONDS.toMillis(result.latencyNanos());
    return new MqttProbeOutcome(
        latencyMillis,
        "QoS 1 publish→receive via %s in %d ms".formatted(mqttRoundTrip.brokerUrl(), latencyMillis),
        new ClockReading(
            "mqtt message", result.sentAt(), result.publishedAt(), result.receivedAt()));
  }

  @Override
  public ProbeResult checkClocks(ClockCheckRequest request) {
    Instant now = clock.instant();
    List<ClockOffset> offsets = new ArrayList<>();
    for (ClockReading reading : request.readings()) {
      offsets.add(
          ClockOffset.fromRoundTrip(
              reading.source(), reading.remoteTime(), reading.localBefore(), reading.localAfter()));
    }
    Instant temporalTime = temporalServerTime(Activity.getExecutionContext().getInfo());
    if (temporalTime != null) {
      // The server stamped this task when it handed it to us: read just before "now", so the
      // offset also contains the (normally sub-millisecond) dispatch delay.
      offsets.add(ClockOffset.fromRoundTrip(TEMPORAL_CLOCK, temporalTime, now, now));
    }
    ClockSkewReport report = clockSkewCheck.evaluate(WORKER_CLOCK, offsets);
    return new ProbeResult(ProbeResult.CLOCK, report.ok(), report.explanation(), null);
  }

  @Override
  public ProbeResult probeIngestion() {
    return ingestion.run();
  }

  @Override
  public ProbeResult probeIntegrations() {
    return integrations.run();
  }

  private static Instant temporalServerTime(ActivityInfo info) {
    long stamp =
        info.getStartedTimestamp() > 0
            ? info.getStartedTimestamp()
            : info.getCurrentAttemptScheduledTimestamp();
    return stamp > 0 ? Instant.ofEpochMilli(stamp) : null;
  }
}
