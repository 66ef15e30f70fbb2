package de.vorlauf.devstack;

/** Chooses and starts the database: the configured one, else embedded PostgreSQL (zonky). */
public final class PostgresService {

  private PostgresService() {}

  public static RunningPostgres start(PostgresOptions options) {
    if (ServiceSelection.postgres(options.externalUrl()) == Origin.EXTERNAL) {
      return new ExternalPostgres(
          options.externalUrl(), options.externalUser(), options.externalPassword());
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(options);
    server.start();
    return server;
  }
}
