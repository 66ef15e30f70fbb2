package de.vorlauf.worker.temporal;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the Temporal frontend, waiting with exponential backoff while it is not up yet: the
 * worker may start before the server (a restart of either must not need the other).
 */
public final class TemporalConnector {

  private static final Logger log = LoggerFactory.getLogger(TemporalConnector.class);

  /** A live connection and what it connects to. */
  public record Connection(WorkflowServiceStubs stubs, TemporalServerKind kind) {}

  private final String address;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Scope metrics;

  public TemporalConnector(String address, Duration initialBackoff, Duration maxBackoff) {
    this(address, initialBackoff, maxBackoff, new NoopScope());
  }

  /**
   * @param metrics where the SDK reports its client and worker metrics (task latencies, failures,
   *     pollers, schedule-to-start): every worker built on these stubs reports through it
   */
  public TemporalConnector(
      String address, Duration initialBackoff, Duration maxBackoff, Scope metrics) {
    this.address = address;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.metrics = metrics;
  }

  /**
   * Blocks until the server answers or {@code stop} is counted down.
   *
   * @return the connection, or null when stopped first
   */
  public Connection connect(CountDownLatch stop) throws InterruptedException {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setMetricsScope(metrics)
                .build());
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        TemporalServerKind kind =
            TemporalServerKind.detect(stubs.blockingStub(), Duration.ofSeconds(5));
        log.info("connected to {} at {}", kind.label(), address);
        return new Connection(stubs, kind);
      } catch (StatusRuntimeException e) {
        log.warn(
            "Temporal at {} is not reachable yet (attempt {}: {}), retrying in {} s",
            address,
            attempt,
            e.getStatus().getCode(),
            backoff.toSeconds());
      }
      if (stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
        stubs.shutdownNow();
        return null;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
  }
}
