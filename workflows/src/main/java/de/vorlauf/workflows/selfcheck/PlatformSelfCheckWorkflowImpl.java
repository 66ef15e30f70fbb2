package de.vorlauf.workflows.selfcheck;

import de.vorlauf.workflows.ActivityFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs the database and MQTT probes in parallel, then the clock check with the clock readings they
 * brought back; since {@link #INGESTION_PROBES} the ingestion (backlog, lag, stalls) and vendor
 * integration probes run beside the first two. A probe that still fails after its retries becomes a
 * not-ok {@link ProbeResult}; the check itself always completes with a report.
 */
public class PlatformSelfCheckWorkflowImpl implements PlatformSelfCheckWorkflow {

  static final int MAX_ATTEMPTS = 3;

  /**
   * The version marker of the ingestion and integration probes: runs recorded before them (no
   * marker) replay without scheduling them (histories/platform-self-check-v1.json).
   */
  static final String INGESTION_PROBES = "ingestion-and-integration-probes";

  private static final Logger log = Workflow.getLogger(PlatformSelfCheckWorkflowImpl.class);

  // Each probe bounds its own waits (connect, receive) well below the start-to-close timeout,
  // so a timeout here means a hung worker, not a slow service.
  private final SelfCheckActivities activities =
      Workflow.newActivityStub(
          SelfCheckActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2)
                      .setMaximumAttempts(MAX_ATTEMPTS)
                      .build())
              .build());

  @Override
  public SelfCheckReport run(SelfCheckRequest request) {
    Instant startedAt = now();
    String probeKey = Workflow.getInfo().getWorkflowId();
    log.info("self-check {} started, requested by {}", probeKey, request.requestedBy());

    Promise<DatabaseProbeOutcome> database = Async.function(activities::probeDatabase, probeKey);
    Promise<MqttProbeOutcome> mqtt = Async.function(activities::probeMqtt, probeKey);
    boolean withIngestion = Workflow.getVersion(INGESTION_PROBES, Workflow.DEFAULT_VERSION, 1) >= 1;
    Promise<ProbeResult> ingestion =
        withIngestion ? Async.function(activities::probeIngestion) : null;
    Promise<ProbeResult> integrations =
        withIngestion ? Async.function(activities::probeIntegrations) : null;

    List<ClockReading> clockReadings = new ArrayList<>();
    ProbeResult databaseResult =
        await(
            ProbeResult.DATABASE,
            database,
            outcome -> {
              clockReadings.add(outcome.databaseClock());
              return new ProbeResult(
                  ProbeResult.DATABASE, true, outcome.detail(), outcome.latencyMillis());
            });
    ProbeResult mqttResult =
        await(
            ProbeResult.MQTT,
            mqtt,
            outcome -> {
              clockReadings.add(outcome.messageClock());
              return new ProbeResult(
                  ProbeResult.MQTT, true, outcome.detail(), outcome.latencyMillis());
            });
    ProbeResult clockResult =
        call(ProbeResult.CLOCK, () -> activities.checkClocks(new ClockCheckRequest(clockReadings)));

    List<ProbeResult> probes = new ArrayList<>(List.of(databaseResult, mqttResult, clockResult));
    if (withIngestion) {
      probes.add(await(ProbeResult.INGESTION, ingestion, result -> result));
      probes.add(await(ProbeResult.INTEGRATIONS, integrations, result -> result));
    }
    boolean ok = probes.stream().allMatch(ProbeResult::ok);
    log.info("self-check {} finished: {}", probeKey, ok ? "ok" : "NOT ok");
    return new SelfCheckReport(ok, probes, startedAt, now());
  }

  private static <T> ProbeResult await(
      String name, Promise<T> promise, Function<T, ProbeResult> onSuccess) {
    return call(name, () -> onSuccess.apply(promise.get()));
  }

  private static ProbeResult call(String name, Supplier<ProbeResult> probe) {
    try {
      return probe.get();
    } catch (ActivityFailure failure) {
      String detail =
          ActivityFailures.describe(failure, "gave up after " + MAX_ATTEMPTS + " attempts");
      log.warn("self-check probe {} failed: {}", name, detail);
      return new ProbeResult(name, false, detail, null);
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
