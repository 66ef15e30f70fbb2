package de.vorlauf.workflows.vendor;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The polling loop. Polls run asynchronously, one per installation: a round waits for them at most
 * one interval, so an installation that is slow (a long backfill) or failing through its retries
 * never holds up the others; it is simply not polled again until its poll has ended.
 */
public class IngestionPollingWorkflowImpl implements IngestionPollingWorkflow {

  /** Rounds per run before continue-as-new; about 30 history events per installation and round. */
  static final int ROUNDS_PER_RUN = 100;

  /** Continue-as-new earlier when a run's history grows beyond this many events. */
  static final int MAX_HISTORY_EVENTS = 10_000;

  /** How long continue-as-new waits for polls in flight. */
  static final Duration IN_FLIGHT_GRACE = Duration.ofMinutes(15);

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = Workflow.getLogger(IngestionPollingWorkflowImpl.class);

  // Listing is a handful of small requests: a short timeout, few retries; the next round tries
  // again anyway.
  private final VendorPollingActivities discovery =
      Workflow.newActivityStub(
          VendorPollingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(4)
                      .build())
              .build());

  // A first poll backfills weeks of history (tens of pages per feature): an hour per attempt, a
  // heartbeat after every page and every committed window, and a retry resumes from the last
  // heartbeat. Retry-After of a 429 overrides the backoff (next retry delay).
  private final VendorPollingActivities poller =
      Workflow.newActivityStub(
          VendorPollingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofHours(1))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setScheduleToCloseTimeout(Duration.ofHours(3))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(20)
                      .build())
              .build());

  private final Map<String, InstallationState> installations = new LinkedHashMap<>();
  private final Map<String, Promise<Void>> inFlight = new LinkedHashMap<>();
  private String integrationId;
  private Duration interval;
  private Duration initialLookback;
  private boolean paused;
  private boolean intervalChanged;
  private boolean stopRequested;
  private long rounds;
  private Instant lastRoundAt;
  private String lastRoundError;

  @Override
  public PollingStatus run(PollingStart start) {
    integrationId = start.integrationId();
    interval = atLeastMinimum(start.interval());
    initialLookback = start.initialLookback();
    paused = start.paused();
    rounds = start.rounds();
    start.installations().forEach(i -> installations.put(i.installationId(), i));
    for (int round = 0; round < ROUNDS_PER_RUN && !historyTooLong(); round++) {
      Workflow.await(() -> !paused || stopRequested);
      if (stopRequested) {
        break;
      }
      Instant roundStarted = round();
      sleepInterval(inFlight.isEmpty() ? now() : roundStarted);
      if (stopRequested) {
        break;
      }
    }
    // results of polls in flight are part of the state the next run carries; one stuck in its
    // retries is abandoned after a while (what it committed is re-polled as duplicates)
    Workflow.await(IN_FLIGHT_GRACE, inFlight::isEmpty);
    if (stopRequested) {
      log.info("polling {} stopped after {} rounds", integrationId, rounds);
      return status();
    }
    log.info("polling {} continues as new after {} rounds", integrationId, rounds);
    Workflow.continueAsNew(currentStart());
    return status();
  }

  /** Starts a round's polls and waits for them at most one interval; returns its start time. */
  private Instant round() {
    Instant startedAt = now();
    rounds++;
    lastRoundAt = startedAt;
    List<String> ids;
    try {
      ids = discovery.listInstallations(integrationId).ids();
      lastRoundError = null;
    } catch (ActivityFailure failure) {
      lastRoundError = PollFailures.describe(failure);
      log.warn("polling {}: listing installations failed: {}", integrationId, lastRoundError);
      ids = new ArrayList<>(installations.keySet());
    }
    for (String id : ids) {
      installations.computeIfAbsent(
          id, key -> InstallationState.first(key, startedAt.minus(initialLookback)));
      if (!inFlight.containsKey(id)) {
        inFlight.put(id, poll(installations.get(id)));
      }
    }
    // the round ends when its polls are done or one interval has passed, whichever is first
    Workflow.await(interval, () -> inFlight.isEmpty() || stopRequested);
    return startedAt;
  }

  private Promise<Void> poll(InstallationState state) {
    String id = state.installationId();
    PollRequest request = new PollRequest(integrationId, id, state.cursor());
    return Async.function(poller::pollInstallation, request)
        .handle(
            (result, failure) -> {
              inFlight.remove(id);
              if (failure == null) {
                installations.put(id, installations.get(id).succeeded(result, now()));
              } else if (!PollFailures.cancelled(failure)) {
                String error = PollFailures.describe(failure);
                log.warn("polling {}: installation {} failed: {}", integrationId, id, error);
                installations.put(
                    id, installations.get(id).failed(error, PollFailures.progress(failure)));
              }
              return null;
            });
  }

  /** Waits until one interval after {@code from}; a changed interval re-targets the wait. */
  private void sleepInterval(Instant sleepStarted) {
    while (true) {
      Duration remaining = Duration.between(now(), sleepStarted.plus(interval));
      if (remaining.isNegative() || remaining.isZero()) {
        return;
      }
      boolean woken = Workflow.await(remaining, () -> paused || intervalChanged || stopRequested);
      if (!woken || paused || stopRequested) {
        return;
      }
      intervalChanged = false;
    }
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  @Override
  public void setInterval(Duration newInterval) {
    interval = atLeastMinimum(newInterval);
    intervalChanged = true;
  }

  @Override
  public PollingStatus status() {
    Instant asOf = now();
    List<InstallationStatus> list = new ArrayList<>();
    for (InstallationState s : installations.values()) {
      String state =
          s.lastError() != null
              ? InstallationStatus.FAILING
              : s.lastSuccessAt() == null ? InstallationStatus.PENDING : InstallationStatus.OK;
      list.add(
          new InstallationStatus(
              s.installationId(),
              state,
              s.lastError(),
              s.lastSuccessAt(),
              s.cursor(),
              s.cursor() == null ? null : Duration.between(s.cursor(), asOf),
              s.readingsStored(),
              s.duplicates(),
              s.quarantined(),
              s.consecutiveFailures(),
              inFlight.containsKey(s.installationId())));
    }
    return new PollingStatus(
        integrationId,
        paused,
        interval,
        initialLookback,
        rounds,
        lastRoundAt,
        lastRoundError,
        asOf,
        list);
  }

  private PollingStart currentStart() {
    return new PollingStart(
        integrationId,
        interval,
        initialLookback,
        paused,
        rounds,
        new ArrayList<>(installations.values()));
  }

  private static boolean historyTooLong() {
    return Workflow.getInfo().getHistoryLength() > MAX_HISTORY_EVENTS;
  }

  private static Duration atLeastMinimum(Duration value) {
    return value == null || value.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : value;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
