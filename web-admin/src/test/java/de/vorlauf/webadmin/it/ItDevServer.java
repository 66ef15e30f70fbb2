package de.vorlauf.webadmin.it;

import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal CLI dev server (Schedules, visibility, a Web UI) on the port the WAR's
 * TEMPORAL_ADDRESS names (the build-reserved it.temporal.port), for one IT class, with stubs for
 * the test's own clients and workers. The WAR's gRPC channel may still be backing off from an
 * earlier class's server: wait for the WAR to see this one before relying on it.
 */
final class ItDevServer implements AutoCloseable {

  final RunningTemporal server;
  final WorkflowServiceStubs stubs;

  private ItDevServer(RunningTemporal server, WorkflowServiceStubs stubs) {
    this.server = server;
    this.stubs = stubs;
  }

  /**
   * @param name the state folder under it.state.dir (one per class: its workflows stay its own)
   */
  static ItDevServer start(String name) {
    Path dir = Path.of(System.getProperty("it.state.dir"), name);
    int port = Integer.parseInt(System.getProperty("it.temporal.port"));
    RunningTemporal server =
        TemporalService.start(new TemporalOptions(dir, port, 0, null, TemporalKind.CLI_DEV_SERVER));
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    return new ItDevServer(server, stubs);
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    stubs.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }
}
