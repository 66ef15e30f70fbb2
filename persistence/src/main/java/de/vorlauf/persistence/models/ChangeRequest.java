package de.vorlauf.persistence.models;

import java.util.Map;
import java.util.Objects;

/**
 * Who asks for a registry change and why, as the log records it.
 *
 * @param evidence facts that back the change (JSON object in the log); empty for a manual move
 */
public record ChangeRequest(String actor, String reason, Map<String, Object> evidence) {

  public ChangeRequest {
    Objects.requireNonNull(actor, "actor");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a registry change needs a reason");
    }
    if (reason.length() > 1000) {
      throw new IllegalArgumentException("the reason must be at most 1000 characters");
    }
    reason = reason.strip();
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
  }

  public static ChangeRequest of(String actor, String reason) {
    return new ChangeRequest(actor, reason, Map.of());
  }
}
