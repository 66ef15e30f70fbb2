package de.vorlauf.worker.health;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code GET /health} reports.
 *
 * @param status UP, STARTING, CONNECTING or STOPPING
 * @param temporal the Temporal server kind once connected, else what the worker waits for
 * @param taskQueues the task queues polled (empty until polling starts)
 * @param ingest MQTT ingestion, null while it is not started (or disabled)
 */
public record HealthStatus(String status, String temporal, List<String> taskQueues, Ingest ingest) {

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
      long quarantined) {

    String toJson() {
      return ("{\"state\":%s,\"connected\":%b,\"subscribed\":%b,\"received\":%d,"
              + "\"acknowledged\":%d,\"inFlight\":%d,\"readingsStored\":%d,"
              + "\"readingsDuplicate\":%d,\"quarantined\":%d}")
          .formatted(
              quote(state),
              connected,
              subscribed,
              received,
              acknowledged,
              inFlight,
              readingsStored,
              readingsDuplicate,
              quarantined);
    }
  }

  public boolean up() {
    return "UP".equals(status);
  }

  String toJson() {
    return "{\"status\":%s,\"temporal\":%s,\"taskQueues\":[%s]%s}"
        .formatted(
            quote(status),
            quote(temporal),
            taskQueues.stream().map(HealthStatus::quote).collect(Collectors.joining(",")),
            ingest == null ? "" : ",\"ingest\":" + ingest.toJson());
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
