package de.vorlauf.domain.models;

/**
 * One line of a model's change log as the rules produce it; who, when, why and the evidence are
 * added by whoever records it.
 *
 * @param alias the alias set or cleared; null for a registration or a stage change alone
 * @param from the version's stage before; null for a registration
 * @param to the version's stage after
 */
public record Change(int version, Kind kind, Alias alias, Stage from, Stage to) {

  public enum Kind {
    REGISTERED,
    ALIAS_SET,
    ALIAS_CLEARED,
    /** a stage change alone: archiving, or a version giving up its alias to another */
    STAGE_CHANGED
  }
}
