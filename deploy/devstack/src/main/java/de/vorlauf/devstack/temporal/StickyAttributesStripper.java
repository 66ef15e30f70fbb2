package de.vorlauf.devstack.temporal;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * The in-JVM test server never times out a sticky task queue: once the worker that owned a
 * workflow's sticky queue is gone, the workflow's next task waits there forever. Removing the
 * sticky attributes from every completed workflow task keeps all tasks on the normal queue, so any
 * worker picks them up (at the cost of replaying history, which is cheap at dev scale).
 */
final class StickyAttributesStripper implements ServerInterceptor {

  private static final String METHOD =
      WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!METHOD.equals(call.getMethodDescriptor().getFullMethodName())) {
      return listener;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        super.onMessage(strip(message));
      }
    };
  }

  @SuppressWarnings("unchecked")
  static <Q> Q strip(Q message) {
    if (message instanceof RespondWorkflowTaskCompletedRequest request
        && request.hasStickyAttributes()) {
      return (Q) request.toBuilder().clearStickyAttributes().build();
    }
    return message;
  }
}
