package de.vorlauf.persistence.models;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.domain.models.Change;
import de.vorlauf.domain.models.Stage;
import java.time.Instant;

/**
 * A line of a model's append-only change log.
 *
 * @param evidence a JSON object: the run's numbers on registration, a gate's results later
 */
public record RegistryLogEntry(
    long id,
    String model,
    int version,
    Instant at,
    String actor,
    Change.Kind change,
    Alias alias,
    Stage fromStage,
    Stage toStage,
    String reason,
    Authority authority,
    String evidence) {}
