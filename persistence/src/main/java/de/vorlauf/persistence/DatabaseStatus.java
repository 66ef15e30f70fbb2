package de.vorlauf.persistence;

/**
 * What a live database probe found.
 *
 * @param serverVersion PostgreSQL server_version, e.g. "15.19"
 * @param timescaleVersion TimescaleDB extension version, null when the extension is absent
 * @param schemaVersion latest applied migration version, null when not migrated
 */
public record DatabaseStatus(String serverVersion, String timescaleVersion, String schemaVersion) {

  public boolean timescaleActive() {
    return timescaleVersion != null;
  }
}
