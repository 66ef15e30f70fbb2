package de.vorlauf.persistence.migration;

import java.util.Arrays;

/**
 * Decides what the TimescaleDB migration can do on a given server.
 *
 * <p>Creating the extension when the library is not in {@code shared_preload_libraries} fails, and
 * a failed statement aborts the whole migration transaction in PostgreSQL, so the decision is taken
 * from the server's settings before anything is attempted.
 */
public final class TimescaleSetup {

  /** What the migration should do. */
  public enum Action {
    /** No TimescaleDB package on the server: plain PostgreSQL. */
    SKIP_NOT_AVAILABLE,
    /** The package is installed but not preloaded: creating the extension would fail. */
    SKIP_NOT_PRELOADED,
    /** Create the extension (if needed) and turn the time series into hypertables. */
    ENABLE
  }

  /**
   * What the server says about TimescaleDB.
   *
   * @param availableVersion default_version in pg_available_extensions, null when absent
   * @param installedVersion extversion in pg_extension, null when not created in this database
   * @param sharedPreloadLibraries the shared_preload_libraries setting, may be empty; null when
   *     this role may not read it
   */
  public record ServerFacts(
      String availableVersion, String installedVersion, String sharedPreloadLibraries) {}

  private TimescaleSetup() {}

  public static Action decide(ServerFacts facts) {
    if (facts.installedVersion() != null) {
      // already created (by an administrator or an earlier run): it is loaded, use it
      return Action.ENABLE;
    }
    if (facts.availableVersion() == null) {
      return Action.SKIP_NOT_AVAILABLE;
    }
    String preload = facts.sharedPreloadLibraries();
    if (preload == null || preload.startsWith("<")) {
      // not visible to this role: try, the migration's savepoint contains a failure
      return Action.ENABLE;
    }
    return isPreloaded(preload) ? Action.ENABLE : Action.SKIP_NOT_PRELOADED;
  }

  static boolean isPreloaded(String sharedPreloadLibraries) {
    if (sharedPreloadLibraries == null) {
      return false;
    }
    // a comma-separated list; entries may be quoted or carry a path and version suffix
    return Arrays.stream(sharedPreloadLibraries.split(","))
        .map(s -> s.trim().replace("\"", "").replace("'", ""))
        .map(s -> s.substring(s.lastIndexOf('/') + 1))
        .anyMatch(s -> s.equals("timescaledb") || s.startsWith("timescaledb-"));
  }
}
