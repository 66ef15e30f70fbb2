package de.vorlauf.devstack.postgres;

import de.vorlauf.devstack.service.RunningService;

/** A PostgreSQL database the platform may use, with the credentials of its application role. */
public interface RunningPostgres extends RunningService {

  /** e.g. jdbc:postgresql://127.0.0.1:15432/vorlauf — never contains the password. */
  String jdbcUrl();

  String user();

  String password();

  @Override
  default String name() {
    return "database";
  }
}
