package de.vorlauf.worker.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What {@code GET /health/ready} reports: one check per dependency, each saying in one sentence
 * what is wrong. Ready only when every check is up.
 *
 * @param status UP or DOWN
 */
public record ReadinessReport(String status, List<Check> checks) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param name temporal, database, broker or ingestion
   * @param detail what was found: the reason when down
   */
  public record Check(String name, boolean up, String detail) {}

  public ReadinessReport {
    checks = List.copyOf(checks);
  }

  public static ReadinessReport of(List<Check> checks) {
    return new ReadinessReport(checks.stream().allMatch(Check::up) ? "UP" : "DOWN", checks);
  }

  public boolean ready() {
    return "UP".equals(status);
  }

  /** The names of the checks that are down, e.g. {@code [database]}. */
  public List<String> down() {
    return checks.stream().filter(c -> !c.up()).map(Check::name).toList();
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a readiness of strings and booleans is always JSON", e);
    }
  }
}
