package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.service.ExternalService;

/** A database configured through VORLAUF_DB_URL: we neither start nor stop it. */
public record ExternalPostgres(String jdbcUrl, String user, String password)
    implements RunningPostgres, ExternalService {

  @Override
  public String label() {
    return "PostgreSQL at " + jdbcUrl + " (configured)";
  }

  /** Without the password. */
  @Override
  public String toString() {
    return label();
  }
}
