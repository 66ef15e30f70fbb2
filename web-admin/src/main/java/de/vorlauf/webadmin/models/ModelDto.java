package de.vorlauf.webadmin.models;

import de.vorlauf.persistence.models.RegisteredModel;
import java.time.Instant;

/**
 * A registered model in the list.
 *
 * @param champion the version holding the alias, null when none does (also challenger)
 * @param path the model's page in the admin UI
 */
public record ModelDto(
    String name,
    String description,
    Instant createdAt,
    int versions,
    Integer latest,
    Integer champion,
    Integer challenger,
    String path) {

  static ModelDto of(RegisteredModel m) {
    return new ModelDto(
        m.name(),
        m.description(),
        m.createdAt(),
        m.versions(),
        m.latest(),
        m.champion(),
        m.challenger(),
        ModelLinks.page(m.name()));
  }
}
