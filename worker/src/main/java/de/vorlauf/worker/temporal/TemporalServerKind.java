package de.vorlauf.worker.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.api.workflowservice.v1.GetClusterInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which kind of Temporal server answers, found out live: a cluster, the CLI dev server (SQLite
 * persistence) or the in-JVM test server, which does not implement GetClusterInfo.
 *
 * @param label for logs and the health endpoint, e.g. "Temporal dev server 1.29.1 (sqlite)"
 * @param inJvmTestServer true for the SDK's in-JVM test server
 */
public record TemporalServerKind(String label, boolean inJvmTestServer) {

  /** What the in-JVM test server cannot do; said once at startup. */
  public static final String IN_JVM_LIMITS =
      "no Schedules, no visibility queries (ListWorkflowExecutions), nothing persisted: its"
          + " workflows are lost when it stops";

  static final TemporalServerKind IN_JVM =
      new TemporalServerKind("in-JVM Temporal test server", true);

  /**
   * @throws StatusRuntimeException when the server cannot be reached (other than UNIMPLEMENTED)
   */
  public static TemporalServerKind detect(WorkflowServiceBlockingStub stub) {
    try {
      GetClusterInfoResponse info =
          stub.withDeadlineAfter(5, TimeUnit.SECONDS)
              .getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return fromClusterInfo(info.getServerVersion(), info.getPersistenceStore());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return IN_JVM;
      }
      throw e;
    }
  }

  static TemporalServerKind fromClusterInfo(String serverVersion, String persistenceStore) {
    String store = persistenceStore == null ? "" : persistenceStore.toLowerCase(Locale.ROOT);
    String version = serverVersion == null || serverVersion.isBlank() ? "" : " " + serverVersion;
    if (store.contains("sqlite")) {
      return new TemporalServerKind("Temporal dev server" + version + " (sqlite)", false);
    }
    return new TemporalServerKind(
        "Temporal server" + version + (store.isEmpty() ? "" : " (" + store + ")"), false);
  }
}
