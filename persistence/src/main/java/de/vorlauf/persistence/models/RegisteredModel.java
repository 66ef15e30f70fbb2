package de.vorlauf.persistence.models;

import java.time.Instant;

/**
 * A model as the list shows it.
 *
 * @param champion the version holding the alias, null when none does (also challenger)
 * @param latest the newest version, null for a model without versions
 */
public record RegisteredModel(
    String name,
    String description,
    Instant createdAt,
    int versions,
    Integer latest,
    Integer champion,
    Integer challenger) {}
