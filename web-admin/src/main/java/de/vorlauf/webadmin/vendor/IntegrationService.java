package de.vorlauf.webadmin.vendor;

import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.domain.vendor.VendorIntegrations;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.workflows.vendor.IngestionPollingWorkflow;
import de.vorlauf.workflows.vendor.PollingLauncher;
import de.vorlauf.workflows.vendor.PollingStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, stops and steers the polling workflows of the configured integrations. Stop is the
 * workflow's {@code stop} signal rather than a cancellation: the run finishes its polls in flight
 * and returns its cursors, which the next start carries on from (a cancelled run loses them in the
 * Java SDK and would re-poll the whole initial lookback).
 */
@ApplicationScoped
public class IntegrationService {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);

  @Inject VendorIntegrations integrations;
  @Inject WorkflowClient client;

  /** Every configured integration with its workflow's state. */
  public List<IntegrationDto> list() {
    return integrations.all().stream().map(this::view).map(IntegrationDto::of).toList();
  }

  public IntegrationDto get(String id) {
    return IntegrationDto.of(view(require(id)));
  }

  /**
   * @return true when started, false when it was running already
   */
  public boolean start(String id, String user) {
    VendorIntegration integration = require(id);
    PollingLauncher.Outcome outcome =
        temporal(
            () ->
                new PollingLauncher(client)
                    .ensureRunning(
                        integration.id(),
                        integration.pollInterval(),
                        integration.initialLookback()));
    LOG.info("integration {}: start by {}: {}", id, user, outcome);
    return outcome == PollingLauncher.Outcome.STARTED;
  }

  public void stop(String id, String user) {
    signal(id, user, "stop", IngestionPollingWorkflow::stop);
  }

  public void pause(String id, String user) {
    signal(id, user, "pause", IngestionPollingWorkflow::pause);
  }

  public void resume(String id, String user) {
    signal(id, user, "resume", IngestionPollingWorkflow::resume);
  }

  public void setInterval(String id, Duration interval, String user) {
    signal(id, user, "interval " + interval, w -> w.setInterval(interval));
  }

  private void signal(
      String id, String user, String what, Consumer<IngestionPollingWorkflow> signal) {
    VendorIntegration integration = require(id);
    if (!running(integration)) {
      throw new ConflictException(
          "Integration not running",
          "the polling workflow of '%s' is not running: start it first".formatted(id));
    }
    temporal(
        () -> {
          signal.accept(
              client.newWorkflowStub(IngestionPollingWorkflow.class, integration.workflowId()));
          return null;
        });
    LOG.info("integration {}: {} by {}", id, what, user);
  }

  private boolean running(VendorIntegration integration) {
    return temporal(() -> describe(integration))
        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  private IntegrationView view(VendorIntegration integration) {
    try {
      WorkflowExecutionStatus status = describe(integration);
      if (status == null) {
        return new IntegrationView(
            integration, IntegrationView.STOPPED, "never started on this Temporal server", null);
      }
      WorkflowStub stub = untyped(integration);
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return new IntegrationView(
            integration,
            IntegrationView.RUNNING,
            "polling workflow running",
            stub.query("status", PollingStatus.class));
      }
      String closed = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase();
      PollingStatus last =
          status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED
              ? stub.getResult(3, TimeUnit.SECONDS, PollingStatus.class)
              : null;
      return new IntegrationView(integration, IntegrationView.STOPPED, "last run " + closed, last);
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      return new IntegrationView(integration, IntegrationView.UNKNOWN, explain(e), null);
    }
  }

  /** The latest run's status, null when Temporal knows no run of this integration. */
  private WorkflowExecutionStatus describe(VendorIntegration integration) {
    try {
      return untyped(integration).describe().getStatus();
    } catch (WorkflowNotFoundException e) {
      return null;
    } catch (RuntimeException e) {
      if (code(e) == Status.Code.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private WorkflowStub untyped(VendorIntegration integration) {
    return client.newUntypedWorkflowStub(
        integration.workflowId(), Optional.empty(), Optional.empty());
  }

  private VendorIntegration require(String id) {
    return integrations
        .find(id)
        .orElseThrow(() -> new UnknownEntityException("vendor integration", id));
  }

  private static <T> T temporal(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ConflictException | UnknownEntityException e) {
      throw e;
    } catch (RuntimeException e) {
      Status.Code code = code(e);
      if (code == Status.Code.NOT_FOUND) {
        throw new ConflictException("Integration not running", explain(e));
      }
      throw new TemporalUnavailableException(
          "Temporal did not answer: "
              + explain(e)
              + " — check the status page and TEMPORAL_ADDRESS",
          e);
    }
  }

  private static Status.Code code(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s.getStatus().getCode();
      }
    }
    return null;
  }

  private static String explain(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
