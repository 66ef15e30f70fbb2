package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import org.junit.jupiter.api.Test;

class WorkflowStateTest {

  @Test
  void statusNamesDropTheProtoPrefix() {
    assertThat(
            WorkflowState.statusName(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED))
        .isEqualTo("COMPLETED");
    assertThat(
            WorkflowState.statusName(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT))
        .isEqualTo("TIMED_OUT");
  }

  @Test
  void onlyACompletedRunHasAReport() {
    assertThat(new WorkflowState("id", "run", "COMPLETED", null, null).completed()).isTrue();
    assertThat(new WorkflowState("id", "run", "FAILED", null, null).completed()).isFalse();
    assertThat(WorkflowState.unknown("id", "Temporal does not answer").completed()).isFalse();
  }
}
