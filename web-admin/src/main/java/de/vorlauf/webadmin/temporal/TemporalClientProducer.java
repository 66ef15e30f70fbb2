package de.vorlauf.webadmin.temporal;

import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.metrics.WarMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Temporal connection of this WildFly process. The gRPC channel connects lazily, so the
 * server boots and the status page renders while Temporal is down; calls then fail fast and the
 * channel reconnects by itself once Temporal is back.
 */
@ApplicationScoped
public class TemporalClientProducer {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalClientProducer.class);

  @Inject AdminConfig config;
  @Inject WarMetrics metrics;

  private WorkflowServiceStubs stubs;
  private WorkflowClient client;

  @Produces
  public synchronized WorkflowServiceStubs serviceStubs() {
    if (stubs == null) {
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget(config.temporalAddress())
                  .setMetricsScope(metrics.temporalScope())
                  .setRpcTimeout(Duration.ofSeconds(5))
                  // a request thread must not wait the SDK's default minute for a dead server
                  .setRpcRetryOptions(
                      RpcRetryOptions.newBuilder()
                          .setExpiration(Duration.ofSeconds(8))
                          .validateBuildWithDefaults())
                  .build());
      LOG.info("Temporal client for {} created (connects on first call)", config.temporalAddress());
    }
    return stubs;
  }

  @Produces
  public synchronized WorkflowClient workflowClient() {
    if (client == null) {
      client =
          WorkflowClient.newInstance(
              serviceStubs(),
              WorkflowClientOptions.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .setIdentity("vorlauf-admin")
                  .build());
    }
    return client;
  }

  @PreDestroy
  synchronized void close() {
    if (stubs != null) {
      stubs.shutdown();
      // awaitTermination reports an interrupt as its own flag, not as InterruptedException
      if (!stubs.awaitTermination(5, TimeUnit.SECONDS)) {
        stubs.shutdownNow();
      }
      LOG.info("Temporal client for {} closed", config.temporalAddress());
    }
  }
}
