package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.vendor.IngestionPollingWorkflowImpl;
import de.vorlauf.workflows.vendor.VendorPollingActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal server the WAR's TEMPORAL_ADDRESS names (the in-JVM test server on the
 * build-reserved it.temporal.port) plus a worker in this JVM that runs the polling workflow on
 * {@link TaskQueues#PLATFORM} with the given activities. One per test: its workflows die with it.
 */
final class ItTemporal implements AutoCloseable {

  private final RunningTemporal server;
  private final WorkflowServiceStubs stubs;
  private final WorkerFactory workers;
  private boolean closed;

  private ItTemporal(RunningTemporal server, WorkflowServiceStubs stubs, WorkerFactory workers) {
    this.server = server;
    this.stubs = stubs;
    this.workers = workers;
  }

  static ItTemporal start(VendorPollingActivities activities) {
    Path dir = Path.of(System.getProperty("it.state.dir"), "temporal");
    int port = Integer.parseInt(System.getProperty("it.temporal.port"));
    RunningTemporal server =
        TemporalService.start(new TemporalOptions(dir, port, 0, null, TemporalKind.IN_JVM));
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
    Worker worker = workers.newWorker(TaskQueues.PLATFORM);
    worker.registerWorkflowImplementationTypes(IngestionPollingWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    workers.start();
    return new ItTemporal(server, stubs, workers);
  }

  /** Temporal goes away, as when its process dies; the WAR keeps its address. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    stubs.shutdownNow();
    stubs.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }
}
