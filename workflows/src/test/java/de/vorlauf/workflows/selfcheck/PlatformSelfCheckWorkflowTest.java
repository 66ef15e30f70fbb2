package de.vorlauf.workflows.selfcheck;

import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.clockOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.databaseOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.ingestionOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.integrationsOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.mqttOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class PlatformSelfCheckWorkflowTest {

  @RegisterExtension
  final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(PlatformSelfCheckWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final SelfCheckActivities activities =
      mock(SelfCheckActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void ingestionAndIntegrationsOk() {
    when(activities.probeIngestion()).thenReturn(ingestionOk());
    when(activities.probeIntegrations()).thenReturn(integrationsOk());
  }

  @Test
  void allProbesOkMakeAnOkReport(TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenReturn(databaseOk());
    when(activities.probeMqtt(anyString())).thenReturn(mqttOk());
    when(activities.checkClocks(any())).thenReturn(clockOk());

    SelfCheckReport report = run(env, worker, "self-check-all-ok");

    assertThat(report.ok()).isTrue();
    assertThat(report.probes())
        .extracting(ProbeResult::name, ProbeResult::ok, ProbeResult::latencyMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("database", true, 4L),
            org.assertj.core.groups.Tuple.tuple("mqtt", true, 3L),
            org.assertj.core.groups.Tuple.tuple("clock", true, null),
            org.assertj.core.groups.Tuple.tuple("ingestion", true, null),
            org.assertj.core.groups.Tuple.tuple("integrations", true, null));
    assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
    verify(activities).probeDatabase("self-check-all-ok");
  }

  @Test
  void clockCheckGetsTheClockReadingsOfTheOtherProbes(TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenReturn(databaseOk());
    when(activities.probeMqtt(anyString())).thenReturn(mqttOk());
    when(activities.checkClocks(any())).thenReturn(clockOk());

    run(env, worker, "self-check-" + UUID.randomUUID());

    ArgumentCaptor<ClockCheckRequest> request = ArgumentCaptor.forClass(ClockCheckRequest.class);
    verify(activities).checkClocks(request.capture());
    assertThat(request.getValue().readings())
        .containsExactly(databaseOk().databaseClock(), mqttOk().messageClock());
  }

  @Test
  void failingProbeIsReportedAndDoesNotHideTheOthers(TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenReturn(databaseOk());
    when(activities.probeMqtt(anyString()))
        .thenThrow(new IllegalStateException("Connection refused: tcp://127.0.0.1:1"));
    when(activities.checkClocks(any())).thenReturn(clockOk());

    SelfCheckReport report = run(env, worker, "self-check-" + UUID.randomUUID());

    assertThat(report.ok()).isFalse();
    assertThat(report.probes())
        .extracting(ProbeResult::name)
        .containsExactly("database", "mqtt", "clock", "ingestion", "integrations");
    ProbeResult mqtt = report.probes().get(1);
    assertThat(mqtt.ok()).isFalse();
    assertThat(mqtt.detail())
        .contains("Connection refused: tcp://127.0.0.1:1")
        .contains("gave up after 3 attempts");
    assertThat(report.probes().get(0).ok()).isTrue();
    assertThat(report.probes().get(2).ok()).isTrue();
    verify(activities, times(PlatformSelfCheckWorkflowImpl.MAX_ATTEMPTS)).probeMqtt(anyString());

    ArgumentCaptor<ClockCheckRequest> request = ArgumentCaptor.forClass(ClockCheckRequest.class);
    verify(activities).checkClocks(request.capture());
    assertThat(request.getValue().readings()).containsExactly(databaseOk().databaseClock());
  }

  @Test
  void everyProbeFailingStillCompletesWithAReport(TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenThrow(new IllegalStateException("db down"));
    when(activities.probeMqtt(anyString())).thenThrow(new IllegalStateException("broker down"));
    when(activities.checkClocks(any())).thenThrow(new IllegalStateException("clock broken"));
    when(activities.probeIngestion()).thenThrow(new IllegalStateException("progress unreadable"));
    when(activities.probeIntegrations()).thenThrow(new IllegalStateException("no Temporal"));

    SelfCheckReport report = run(env, worker, "self-check-" + UUID.randomUUID());

    assertThat(report.ok()).isFalse();
    assertThat(report.probes())
        .extracting(ProbeResult::ok)
        .containsExactly(false, false, false, false, false);
    assertThat(report.probes().get(3).detail()).startsWith("progress unreadable");
    assertThat(report.probes().get(0).detail()).startsWith("db down");
  }

  @Test
  void clockSkewMakesTheReportNotOk(TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenReturn(databaseOk());
    when(activities.probeMqtt(anyString())).thenReturn(mqttOk());
    when(activities.checkClocks(any()))
        .thenReturn(new ProbeResult(ProbeResult.CLOCK, false, "clock skew beyond ...", null));

    SelfCheckReport report = run(env, worker, "self-check-" + UUID.randomUUID());

    assertThat(report.ok()).isFalse();
    assertThat(report.probes().get(2).detail()).startsWith("clock skew beyond");
  }

  @Test
  void ingestionBehindMakesTheReportNotOkAndSaysByHowMuch(
      TestWorkflowEnvironment env, Worker worker) {
    when(activities.probeDatabase(anyString())).thenReturn(databaseOk());
    when(activities.probeMqtt(anyString())).thenReturn(mqttOk());
    when(activities.checkClocks(any())).thenReturn(clockOk());
    String behind =
        "ingestion behind: live lane 10,234,000 readings queued (limit 10,000), lag 4 min (limit"
            + " 2 min); backlog lane 0 readings queued, 0 messages in flight, lag 3.0 s — 2"
            + " processes reporting";
    when(activities.probeIngestion())
        .thenReturn(new ProbeResult(ProbeResult.INGESTION, false, behind, null));
    when(activities.probeIntegrations())
        .thenReturn(
            new ProbeResult(
                ProbeResult.INTEGRATIONS, false, "vendor integrations: acme paused", null));

    SelfCheckReport report = run(env, worker, "self-check-" + UUID.randomUUID());

    assertThat(report.ok()).isFalse();
    assertThat(report.probes().get(3)).isEqualTo(new ProbeResult("ingestion", false, behind, null));
    assertThat(report.probes().get(4).detail()).isEqualTo("vendor integrations: acme paused");
    assertThat(report.probes().subList(0, 3)).allMatch(ProbeResult::ok);
    verify(activities).probeIngestion();
    verify(activities).probeIntegrations();
  }

  private SelfCheckReport run(TestWorkflowEnvironment env, Worker worker, String workflowId) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    PlatformSelfCheckWorkflow workflow =
        client.newWorkflowStub(
            PlatformSelfCheckWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(worker.getTaskQueue())
                .build());
    return workflow.run(new SelfCheckRequest("test"));
  }
}
