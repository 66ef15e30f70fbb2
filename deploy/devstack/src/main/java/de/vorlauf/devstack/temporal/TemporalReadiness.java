package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.process.Readiness;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Readiness of a Temporal frontend: it answers DescribeNamespace for the given namespace. */
public final class TemporalReadiness {

  private TemporalReadiness() {}

  /** Waits until {@code namespace} is described by the server at {@code address}. */
  public static void awaitNamespace(
      String address, String namespace, Duration timeout, Supplier<String> deathNotice) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setRpcTimeout(Duration.ofSeconds(5))
                .build());
    try {
      Readiness.await(
          "Temporal at " + address, timeout, () -> describes(stubs, namespace), deathNotice);
    } finally {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static boolean describes(WorkflowServiceStubs stubs, String namespace) {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }
}
