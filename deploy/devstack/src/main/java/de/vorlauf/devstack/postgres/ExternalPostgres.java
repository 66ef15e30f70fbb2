package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.service.Origin;

/** A database configured through VORLAUF_DB_URL: we neither start nor stop it. */
public record ExternalPostgres(String jdbcUrl, String user, String password)
    implements RunningPostgres {

  @Override
  public Origin origin() {
    return Origin.EXTERNAL;
  }

  @Override
  public String label() {
    return "PostgreSQL at " + jdbcUrl + " (configured)";
  }

  @Override
  public void stop() {}

  @Override
  public void start() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return label();
  }
}
