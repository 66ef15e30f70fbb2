package de.vorlauf.persistence.migration;

import java.util.List;

/**
 * What a migration run did.
 *
 * @param schemaVersionBefore null for an empty database
 * @param schemaVersionAfter the version the schema is at now
 * @param applied "version description" of each migration applied in this run, in order
 */
public record MigrationReport(
    String schemaVersionBefore, String schemaVersionAfter, List<String> applied) {

  public MigrationReport {
    applied = List.copyOf(applied);
  }

  public boolean upToDateAlready() {
    return applied.isEmpty();
  }
}
