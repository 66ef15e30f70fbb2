package de.vorlauf.domain.models;

/** The classic stages of a model version; which one a version is in follows from its aliases. */
public enum Stage {
  /** registered, holds no alias: waits to be evaluated */
  NONE,
  /** the challenger: being evaluated or rolled out */
  STAGING,
  /** the champion: what consumers use */
  PRODUCTION,
  /** a former champion or a version set aside; it may become champion again (a rollback) */
  ARCHIVED
}
