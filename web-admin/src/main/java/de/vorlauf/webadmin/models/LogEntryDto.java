package de.vorlauf.webadmin.models;

import de.vorlauf.persistence.models.RegistryLogEntry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/**
 * A line of a model's change log.
 *
 * @param change REGISTERED, ALIAS_SET, ALIAS_CLEARED or STAGE_CHANGED
 * @param authority {@code registration} or {@code manual-before-promotion} (until gated promotion)
 */
public record LogEntryDto(
    long id,
    int version,
    Instant at,
    String actor,
    String change,
    String alias,
    String fromStage,
    String toStage,
    String reason,
    String authority,
    JsonObject evidence) {

  static LogEntryDto of(RegistryLogEntry e) {
    JsonObject evidence;
    try (JsonReader reader = Json.createReader(new StringReader(e.evidence()))) {
      evidence = reader.readObject();
    }
    return new LogEntryDto(
        e.id(),
        e.version(),
        e.at(),
        e.actor(),
        e.change().name(),
        e.alias() == null ? null : e.alias().label(),
        e.fromStage() == null ? null : e.fromStage().name(),
        e.toStage().name(),
        e.reason(),
        e.authority().label(),
        evidence);
  }
}
