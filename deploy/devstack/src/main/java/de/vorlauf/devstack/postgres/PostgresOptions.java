package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import java.nio.file.Path;

/**
 * How to get a PostgreSQL database: use {@code externalUrl} (with {@code externalUser} and {@code
 * externalPassword}) when it is set, otherwise run the embedded one on {@code port} with its data
 * in {@code dataDir}, secrets in {@code secretsDir} and server output in {@code logFile}.
 */
public record PostgresOptions(
    Path dataDir,
    int port,
    String externalUrl,
    String externalUser,
    String externalPassword,
    Path secretsDir,
    Path logFile) {

  public static final String DATABASE = "vorlauf";
  public static final String APP_USER = "vorlauf";

  /** Embedded PostgreSQL on a free port, everything under {@code dir}. */
  public static PostgresOptions forTest(Path dir) {
    return embedded(new StateDir(dir), FreePorts.find());
  }

  public static PostgresOptions embedded(StateDir state, int port) {
    return new PostgresOptions(
        state.postgresData(), port, null, null, null, state.secrets(), state.log("postgres"));
  }

  public static PostgresOptions external(String url, String user, String password) {
    return new PostgresOptions(null, 0, url, user, password, null, null);
  }

  Path appPasswordFile() {
    return secretsDir.resolve("db-password");
  }

  Path superuserPasswordFile() {
    return secretsDir.resolve("db-superuser-password");
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "PostgresOptions[dataDir="
        + dataDir
        + ", port="
        + port
        + ", externalUrl="
        + externalUrl
        + "]";
  }
}
