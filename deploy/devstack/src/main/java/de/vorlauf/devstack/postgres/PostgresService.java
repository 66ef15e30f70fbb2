package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.service.Origin;

/** Chooses and starts the database: the configured one, else embedded PostgreSQL (zonky). */
public final class PostgresService {

  private PostgresService() {}

  public static RunningPostgres start(PostgresOptions options) {
    if (origin(options.externalUrl()) == Origin.EXTERNAL) {
      return new ExternalPostgres(
          options.externalUrl(), options.externalUser(), options.externalPassword());
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(options);
    server.start();
    return server;
  }

  /** A configured URL means that database; otherwise the embedded one. */
  static Origin origin(String externalUrl) {
    return Origin.configured(externalUrl) ? Origin.EXTERNAL : Origin.EMBEDDED;
  }
}
