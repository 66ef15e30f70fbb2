package de.vorlauf.workflows.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.api.workflowservice.v1.GetClusterInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which kind of Temporal server answers, found out live: a cluster, the CLI dev server (SQLite
 * persistence) or the SDK's in-JVM test server, which does not implement GetClusterInfo. The one
 * detector of the platform: the worker logs it and reports it on {@code /health}, the admin WAR's
 * status probe shows it, with {@link #IN_JVM_LIMITS} when it is the test server.
 *
 * <p>Connection-level code for the processes, not for workflow code (which does no I/O).
 *
 * @param version the server version it reports, "" if none (the in-JVM test server)
 * @param persistenceStore e.g. "sqlite", "postgres12"; "" if none
 */
public record TemporalServerKind(Type type, String version, String persistenceStore) {

  /** The kinds the platform tells apart. */
  public enum Type {
    CLUSTER,
    DEV_SERVER,
    IN_JVM_TEST_SERVER
  }

  /** What the in-JVM test server cannot do that the platform uses elsewhere. */
  public static final List<String> IN_JVM_LIMITS =
      List.of(
          "no Schedules: declared schedules run as cron workflows, not durable, no pause or trigger",
          "no visibility queries (List/CountWorkflowExecutions): lists come from Vorlauf's own table",
          "nothing persisted: a restart of the server loses every workflow",
          "workflows of a restarted worker stay on its sticky queue unless stickiness is disabled");

  public static final TemporalServerKind IN_JVM =
      new TemporalServerKind(Type.IN_JVM_TEST_SERVER, "", "");

  public TemporalServerKind {
    version = version == null ? "" : version.strip();
    persistenceStore = persistenceStore == null ? "" : persistenceStore.strip();
  }

  /**
   * Asks the server at the other end of {@code stub}, waiting at most {@code deadline}.
   *
   * @throws StatusRuntimeException when the server cannot be reached (any status but UNIMPLEMENTED,
   *     which is the in-JVM test server's answer)
   */
  public static TemporalServerKind detect(WorkflowServiceBlockingStub stub, Duration deadline) {
    try {
      GetClusterInfoResponse info =
          stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return fromClusterInfo(info.getServerVersion(), info.getPersistenceStore());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return IN_JVM;
      }
      throw e;
    }
  }

  /** The CLI dev server keeps its state in SQLite; anything else is taken for a cluster. */
  static TemporalServerKind fromClusterInfo(String serverVersion, String persistenceStore) {
    String store = persistenceStore == null ? "" : persistenceStore;
    Type type = store.toLowerCase(Locale.ROOT).contains("sqlite") ? Type.DEV_SERVER : Type.CLUSTER;
    return new TemporalServerKind(type, serverVersion, store);
  }

  public boolean inJvmTestServer() {
    return type == Type.IN_JVM_TEST_SERVER;
  }

  /**
   * For logs, the worker's health endpoint and the status page, e.g. "Temporal dev server 1.29.1
   * (SQLite)", "Temporal cluster 1.28.0 (postgres12)", "in-JVM Temporal test server".
   */
  public String label() {
    String withVersion = version.isEmpty() ? "" : " " + version;
    return switch (type) {
      case DEV_SERVER -> "Temporal dev server" + withVersion + " (SQLite)";
      case CLUSTER ->
          "Temporal cluster"
              + withVersion
              + (persistenceStore.isEmpty() ? "" : " (" + persistenceStore + ")");
      case IN_JVM_TEST_SERVER -> "in-JVM Temporal test server";
    };
  }
}
