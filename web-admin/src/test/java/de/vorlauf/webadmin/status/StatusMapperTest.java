package de.vorlauf.webadmin.status;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.webadmin.config.ServiceOrigins;
import de.vorlauf.webadmin.probe.ServiceCheck;
import de.vorlauf.webadmin.selfcheck.SelfCheckDto;
import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import de.vorlauf.webadmin.workflows.WorkflowState;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void serviceCarriesTheLauncherLabelNextToTheLiveResult() {
    ServiceCheck check = ServiceCheck.down("mqtt", "cannot reach the broker");
    ServiceOrigins origins = ServiceOrigins.parse("mqtt=embedded HiveMQ CE (fallback)");

    ServiceDto dto = StatusMapper.toDto(check, origins);

    assertThat(dto.name()).isEqualTo("mqtt");
    assertThat(dto.up()).isFalse();
    assertThat(dto.origin()).isEqualTo("embedded HiveMQ CE (fallback)");
    assertThat(dto.detail()).isEqualTo("cannot reach the broker");
  }

  @Test
  void serviceWithoutLabelIsShownAsConfigured() {
    ServiceCheck check =
        ServiceCheck.up("temporal", "in-JVM", 4, Map.of("namespace", "default"))
            .withLimits(List.of("no Schedules"));

    ServiceDto dto = StatusMapper.toDto(check, ServiceOrigins.none());

    assertThat(dto.origin()).isEqualTo(StatusMapper.CONFIGURED);
    assertThat(dto.latencyMillis()).isEqualTo(4L);
    assertThat(dto.facts()).containsEntry("namespace", "default");
    assertThat(dto.limits()).containsExactly("no Schedules");
  }

  @Test
  void runTakesTheLiveStatusAndKeepsWhoStartedIt() {
    WorkflowLaunch launch =
        new WorkflowLaunch("self-check-1", "PlatformSelfCheckWorkflow", "run-0", "admin", START);
    WorkflowState state =
        new WorkflowState("self-check-1", "run-1", "COMPLETED", START.plusSeconds(3), null);

    WorkflowRunDto dto = StatusMapper.toDto(launch, state, "http://ui/x");

    assertThat(dto.workflowId()).isEqualTo("self-check-1");
    assertThat(dto.runId()).isEqualTo("run-1");
    assertThat(dto.startedBy()).isEqualTo("admin");
    assertThat(dto.startedAt()).isEqualTo(START);
    assertThat(dto.status()).isEqualTo("COMPLETED");
    assertThat(dto.closedAt()).isEqualTo(START.plusSeconds(3));
    assertThat(dto.temporalUiUrl()).isEqualTo("http://ui/x");
  }

  @Test
  void runOfAnUnreachableTemporalKeepsTheRecordedRunIdAndSaysWhy() {
    WorkflowLaunch launch =
        new WorkflowLaunch("self-check-2", "PlatformSelfCheckWorkflow", "run-0", "admin", START);

    WorkflowRunDto dto =
        StatusMapper.toDto(
            launch, WorkflowState.unknown("self-check-2", "Temporal does not answer"), null);

    assertThat(dto.runId()).isEqualTo("run-0");
    assertThat(dto.status()).isEqualTo(WorkflowState.UNKNOWN);
    assertThat(dto.problem()).isEqualTo("Temporal does not answer");
  }

  @Test
  void reportKeepsEveryProbe() {
    SelfCheckReport report =
        new SelfCheckReport(
            false,
            List.of(
                new ProbeResult("database", true, "round trip ok", 3L),
                new ProbeResult("mqtt", false, "timeout", null)),
            START,
            START.plusSeconds(2));

    SelfCheckDto.Report dto = StatusMapper.toDto(report);

    assertThat(dto.ok()).isFalse();
    assertThat(dto.startedAt()).isEqualTo(START);
    assertThat(dto.finishedAt()).isEqualTo(START.plusSeconds(2));
    assertThat(dto.probes())
        .containsExactly(
            new SelfCheckDto.Probe("database", true, "round trip ok", 3L),
            new SelfCheckDto.Probe("mqtt", false, "timeout", null));
  }
}
