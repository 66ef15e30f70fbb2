package de.vorlauf.activities.selfcheck;

import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.domain.vendor.VendorIntegrations;
import de.vorlauf.workflows.vendor.PollingStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks Temporal for each configured integration's polling workflow: its execution status and, while
 * it runs, its {@code status} query. The workflow state lives in Temporal, so every worker sees the
 * same, whichever runs the probe.
 */
public final class TemporalIntegrationStates implements IntegrationStates {

  private final WorkflowClient client;
  private final VendorIntegrations integrations;

  public TemporalIntegrationStates(WorkflowClient client, VendorIntegrations integrations) {
    this.client = client;
    this.integrations = integrations;
  }

  @Override
  public List<IntegrationState> all() {
    List<IntegrationState> states = new ArrayList<>();
    for (VendorIntegration integration : integrations.all()) {
      states.add(state(integration));
    }
    return states;
  }

  private IntegrationState state(VendorIntegration integration) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(integration.workflowId(), Optional.empty(), Optional.empty());
    WorkflowExecutionStatus status;
    try {
      status = stub.describe().getStatus();
    } catch (WorkflowNotFoundException e) {
      return new IntegrationState(integration.id(), false, "never started", null);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return new IntegrationState(integration.id(), false, "never started", null);
      }
      throw e;
    }
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      String closed = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase();
      return new IntegrationState(integration.id(), false, "last run " + closed, null);
    }
    return new IntegrationState(
        integration.id(), true, null, stub.query("status", PollingStatus.class));
  }
}
