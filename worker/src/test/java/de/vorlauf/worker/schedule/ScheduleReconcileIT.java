package de.vorlauf.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.schedule.Overlap;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.domain.schedule.ScheduleTiming;
import de.vorlauf.worker.config.ScheduleSettings;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.ScheduleReconciler;
import de.vorlauf.workflows.schedule.ScheduleReconciler.Outcome;
import de.vorlauf.workflows.schedule.ScheduleReconciler.Result;
import de.vorlauf.workflows.schedule.TemporalSchedules;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's schedule setup against the Temporal CLI dev server (which has Schedules): created
 * once, unchanged on the next start, updated when the declaration changes (keeping an operator's
 * pause), reported but left when no longer declared, and created once when several workers start
 * together. Each test uses its own schedule id prefix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleReconcileIT {

  private static final Duration VISIBLE = Duration.ofSeconds(20);

  private RunningTemporal temporal;
  private WorkflowServiceStubs stubs;
  private ScheduleClient schedules;

  @BeforeAll
  void startTheDevServer(@TempDir Path dir) {
    temporal = TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.CLI_DEV_SERVER));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    schedules = ScheduleClient.newInstance(stubs);
  }

  @AfterAll
  void stop() {
    if (stubs != null) {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void createdOnceUnchangedThenUpdatedKeepingThePauseThenReportedWhenNoLongerDeclared() {
    String prefix = prefix();
    ScheduleReconciler reconciler = new ScheduleReconciler(schedules, prefix);
    ScheduleDeclaration hourly = declaration("hourly", ScheduleTiming.every(Duration.ofHours(1)));
    ScheduleDeclaration nightly =
        new ScheduleDeclaration(
            "nightly",
            "a nightly job",
            "PlatformSelfCheckWorkflow",
            "it-schedules",
            new SelfCheckRequest("it"),
            ScheduleTiming.cron("0 2 * * *", ZoneId.of("Europe/Berlin")),
            Overlap.SKIP,
            Duration.ofHours(6),
            true,
            Duration.ofMinutes(5));

    assertThat(outcomes(reconciler.reconcile(List.of(hourly, nightly))))
        .containsExactly(Outcome.CREATED, Outcome.CREATED);
    ScheduleDescription created = describe(prefix + "nightly");
    assertThat(created.getSchedule().getState().isPaused()).as("paused by default").isTrue();
    assertThat(created.getSchedule().getPolicy().getOverlap())
        .isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(created.getSchedule().getPolicy().getCatchupWindow()).isEqualTo(Duration.ofHours(6));
    assertThat(TemporalSchedules.actionMemo(created, VorlaufSchedules.MEMO_WORDS))
        .contains("every day at 02:00 (Europe/Berlin)");
    assertThat(describe(prefix + "hourly").getSchedule().getState().isPaused()).isFalse();

    // the next start of a worker changes nothing
    assertThat(outcomes(reconciler.reconcile(List.of(hourly, nightly))))
        .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);

    // an operator pauses; then the declaration changes: the spec follows, the pause stays
    schedules.getHandle(prefix + "hourly").pause("maintenance window");
    ScheduleDeclaration halfHourly =
        declaration("hourly", ScheduleTiming.every(Duration.ofMinutes(30)));
    assertThat(outcomes(reconciler.reconcile(List.of(halfHourly, nightly))))
        .containsExactly(Outcome.UPDATED, Outcome.UNCHANGED);
    ScheduleDescription updated = describe(prefix + "hourly");
    assertThat(updated.getSchedule().getSpec().getIntervals())
        .extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofMinutes(30));
    assertThat(updated.getSchedule().getState().isPaused()).isTrue();
    assertThat(updated.getSchedule().getState().getNote()).isEqualTo("maintenance window");
    assertThat(TemporalSchedules.actionMemo(updated, VorlaufSchedules.MEMO_FINGERPRINT))
        .contains(halfHourly.fingerprint());

    // the nightly declaration is removed: reported, not deleted
    await()
        .atMost(VISIBLE)
        .untilAsserted(
            () ->
                assertThat(reconciler.reconcile(List.of(halfHourly)))
                    .extracting(Result::scheduleId, Result::outcome)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(prefix + "hourly", Outcome.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple(
                            prefix + "nightly", Outcome.NOT_DECLARED)));
    assertThat(describe(prefix + "nightly").getSchedule().getState().isPaused()).isTrue();
  }

  @Test
  void severalWorkersStartingTogetherCreateTheScheduleOnce() throws Exception {
    String prefix = prefix();
    ScheduleDeclaration hourly = declaration("hourly", ScheduleTiming.every(Duration.ofHours(1)));
    int workers = 4;
    CyclicBarrier together = new CyclicBarrier(workers);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Result>> started = new ArrayList<>();
    try {
      for (int i = 0; i < workers; i++) {
        started.add(
            pool.submit(
                () -> {
                  ScheduleReconciler own = new ScheduleReconciler(schedules, prefix);
                  together.await(10, TimeUnit.SECONDS);
                  return own.reconcile(hourly);
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Result> result : started) {
        outcomes.add(result.get(30, TimeUnit.SECONDS).outcome());
      }
      assertThat(outcomes).containsOnlyOnce(Outcome.CREATED);
      assertThat(outcomes).containsOnly(Outcome.CREATED, Outcome.UNCHANGED);
    } finally {
      pool.shutdownNow();
    }
    await()
        .atMost(VISIBLE)
        .untilAsserted(
            () ->
                assertThat(new ScheduleReconciler(schedules, prefix).existingIds())
                    .containsExactly(prefix + "hourly"));
  }

  @Test
  void theWorkerSetsUpThePlatformDeclarationsWithTheirOverrides() {
    String prefix = prefix();
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    ScheduleSettings settings =
        new ScheduleSettings(
            VorlaufSchedules.DECLARED,
            ScheduleOverrides.parse("platform-self-check:cron=15 * * * *,paused=true"),
            prefix);

    ScheduleSetup.run(
        client,
        "default",
        new TemporalServerKind(TemporalServerKind.Type.DEV_SERVER, "", ""),
        settings);

    ScheduleDescription selfCheck = describe(prefix + VorlaufSchedules.PLATFORM_SELF_CHECK);
    assertThat(selfCheck.getSchedule().getState().isPaused()).isTrue();
    assertThat(TemporalSchedules.actionMemo(selfCheck, VorlaufSchedules.MEMO_WORDS))
        .contains("every hour at :15");
    assertThat(selfCheck.getInfo().getNextActionTimes()).isNotEmpty();
    assertThat(selfCheck.getInfo().getNextActionTimes().get(0).atZone(ZoneId.of("UTC")).getMinute())
        .isEqualTo(15);
  }

  private ScheduleDescription describe(String id) {
    return schedules.getHandle(id).describe();
  }

  private static ScheduleDeclaration declaration(String id, ScheduleTiming timing) {
    return new ScheduleDeclaration(
        id,
        "a test job",
        "PlatformSelfCheckWorkflow",
        "it-schedules",
        new SelfCheckRequest("it"),
        timing,
        Overlap.SKIP,
        Duration.ofMinutes(10),
        false,
        Duration.ofMinutes(5));
  }

  private static List<Outcome> outcomes(List<Result> results) {
    return results.stream().map(Result::outcome).toList();
  }

  private static String prefix() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }
}
