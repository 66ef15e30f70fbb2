package de.vorlauf.worker.health;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code GET /health} reports.
 *
 * @param status UP, STARTING, CONNECTING or STOPPING
 * @param temporal the Temporal server kind once connected, else what the worker waits for
 * @param taskQueues the task queues polled (empty until polling starts)
 */
public record HealthStatus(String status, String temporal, List<String> taskQueues) {

  public HealthStatus {
    taskQueues = List.copyOf(taskQueues);
  }

  public boolean up() {
    return "UP".equals(status);
  }

  String toJson() {
    return "{\"status\":%s,\"temporal\":%s,\"taskQueues\":[%s]}"
        .formatted(
            quote(status),
            quote(temporal),
            taskQueues.stream().map(HealthStatus::quote).collect(Collectors.joining(",")));
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
