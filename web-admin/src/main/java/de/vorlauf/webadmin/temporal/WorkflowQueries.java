package de.vorlauf.webadmin.temporal;

import de.vorlauf.webadmin.config.AdminConfig;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A workflow query with a deadline of its own: the SDK's stub waits for a worker far longer than a
 * page should, so a query no worker answers in time fails with the gRPC status instead. The one
 * query call of the WAR (ETL progress, the explorer's summaries, training progress).
 */
@ApplicationScoped
public class WorkflowQueries {

  /** A query is answered by a worker: one that does not answer in this time shows a problem. */
  public static final long DEADLINE_SECONDS = 4;

  @Inject WorkflowServiceStubs stubs;
  @Inject WorkflowClient client;
  @Inject AdminConfig config;

  /**
   * The answer of {@code queryType} on the execution (its latest run when the run id is empty).
   *
   * @throws io.grpc.StatusRuntimeException when Temporal or no worker answers in time
   */
  public <T> T query(WorkflowExecution execution, String queryType, Class<T> type) {
    QueryWorkflowResponse response =
        stubs
            .blockingStub()
            .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
            .queryWorkflow(
                QueryWorkflowRequest.newBuilder()
                    .setNamespace(config.temporalNamespace())
                    .setExecution(execution)
                    .setQuery(WorkflowQuery.newBuilder().setQueryType(queryType))
                    .build());
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(0, Optional.of(response.getQueryResult()), type, type);
  }
}
