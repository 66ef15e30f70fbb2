package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.nio.file.Path;
import java.util.List;

/** The PostgreSQL database: the launcher's, the worker's and WildFly's datasource. */
public final class DatabaseVars {

  public static final String DATABASE = "vorlauf";

  public static final EnvVar<String> URL =
      EnvVar.text(
              "VORLAUF_DB_URL",
              "jdbc:postgresql://\\S+",
              "a PostgreSQL JDBC URL jdbc:postgresql://host:port/database")
          .byDefault(
              "jdbc:postgresql://"
                  + DefaultPorts.LOOPBACK
                  + ":"
                  + DefaultPorts.POSTGRES
                  + "/"
                  + DATABASE)
          .readBy(LAUNCHER, WORKER, WILDFLY)
          .means("the database; set, the launcher uses it and starts none");

  public static final EnvVar<String> USER =
      EnvVar.text("VORLAUF_DB_USER")
          .byDefault("vorlauf")
          .readBy(LAUNCHER, WORKER, WILDFLY)
          .means("database role");

  /**
   * Defaults to the role's name, as WildFly's datasource always did; a database that trusts its
   * clients ignores it. The launcher hands its embedded database's generated password to both.
   */
  public static final EnvVar<String> PASSWORD =
      EnvVar.secret("VORLAUF_DB_PASSWORD")
          .byDefault("vorlauf")
          .readBy(LAUNCHER, WORKER, WILDFLY)
          .means("database password (the launcher passes its embedded database's generated one)");

  public static final EnvVar<Path> PASSWORD_FILE =
      EnvVar.path("VORLAUF_DB_PASSWORD_FILE")
          .readBy(LAUNCHER, WORKER)
          .means("file holding the database password; wins over VORLAUF_DB_PASSWORD");

  public static final List<EnvVar<?>> ALL = List.of(URL, USER, PASSWORD, PASSWORD_FILE);

  private DatabaseVars() {}
}
