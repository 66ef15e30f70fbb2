package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowRunsTest {

  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void runTakesTheLiveStatusAndKeepsWhoStartedIt() {
    WorkflowLaunch launch =
        new WorkflowLaunch("self-check-1", "PlatformSelfCheckWorkflow", "run-0", "admin", START);
    WorkflowState state =
        new WorkflowState("self-check-1", "run-1", "COMPLETED", START.plusSeconds(3), null);

    WorkflowRunDto dto = WorkflowRuns.toDto(launch, state, "http://ui/x");

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
        WorkflowRuns.toDto(
            launch, WorkflowState.unknown("self-check-2", "Temporal does not answer"), null);

    assertThat(dto.runId()).isEqualTo("run-0");
    assertThat(dto.status()).isEqualTo(WorkflowState.UNKNOWN);
    assertThat(dto.problem()).isEqualTo("Temporal does not answer");
  }
}
