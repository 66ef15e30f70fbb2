package de.vorlauf.domain.models;

import java.util.Locale;
import java.util.Optional;

/** The two names a model's versions are reached by, each held by at most one version. */
public enum Alias {
  CHAMPION(Stage.PRODUCTION),
  CHALLENGER(Stage.STAGING);

  private final Stage stage;

  Alias(Stage stage) {
    this.stage = stage;
  }

  /** The stage the version holding the alias is in, and no other version. */
  public Stage stage() {
    return stage;
  }

  /** {@code champion}, {@code challenger}: the form in URLs, the database and the log. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The alias a label names, any case; empty for anything else. */
  public static Optional<Alias> parse(String label) {
    for (Alias alias : values()) {
      if (alias.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return Optional.of(alias);
      }
    }
    return Optional.empty();
  }
}
