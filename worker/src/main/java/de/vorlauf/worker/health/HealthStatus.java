package de.vorlauf.worker.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What {@code GET /health} reports.
 *
 * @param status UP, STARTING, CONNECTING or STOPPING
 * @param temporal the Temporal server kind once connected, else what the worker waits for
 * @param taskQueues the task queues polled (empty until polling starts)
 * @param ingest MQTT ingestion, null while it is not started (or disabled)
 */
public record HealthStatus(
    String status,
    String temporal,
    List<String> taskQueues,
    @JsonInclude(JsonInclude.Include.NON_NULL) Ingest ingest) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public HealthStatus {
    taskQueues = List.copyOf(taskQueues);
  }

  public HealthStatus(String status, String temporal, List<String> taskQueues) {
    this(status, temporal, taskQueues, null);
  }

  public HealthStatus withIngest(Ingest value) {
    return new HealthStatus(status, temporal, taskQueues, value);
  }

  /**
   * MQTT ingestion as operators and load tests need it: whether device messages reach this worker
   * ({@code subscribed}), and how many it took, acknowledged and stored.
   *
   * <p>The top-level connection and message fields are the live lane's (as before there were
   * lanes); {@code lanes} has each lane's, with its backlog and lag.
   *
   * @param state the ingest service's state (running, waiting for the database: …, failed: …)
   */
  public record Ingest(
      String state,
      boolean connected,
      boolean subscribed,
      long received,
      long acknowledged,
      int inFlight,
      long readingsStored,
      long readingsDuplicate,
      long quarantined,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Lane> lanes) {

    public Ingest {
      lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }
  }

  /**
   * One ingest lane (live or backlog): its backlog in this worker and its lag.
   *
   * @param inFlight messages received from the broker and not finished
   * @param unacknowledged messages received and not acknowledged to the broker
   * @param queuedRows readings accepted by the lane's writer and not committed yet
   * @param lagSeconds commit time minus the newest reading of the last committed message; null
   *     before the first
   * @param stalledSeconds how long messages have been in flight without an acknowledgement
   */
  public record Lane(
      String lane,
      boolean connected,
      boolean subscribed,
      long received,
      long acknowledged,
      int inFlight,
      long unacknowledged,
      int queuedRows,
      Double lagSeconds,
      long stalledSeconds) {}

  public boolean up() {
    return "UP".equals(status);
  }

  /** The body of {@code GET /health}; {@code ingest} is left out while it is null. */
  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a health status of strings and numbers is always JSON", e);
    }
  }
}
