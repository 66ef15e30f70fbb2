package de.vorlauf.persistence;

import de.vorlauf.testsupport.DatabaseTemplate;
import javax.sql.DataSource;

/** The template of the ITs' databases: migrated once per test JVM, copied per test class. */
public final class MigratedSchema implements DatabaseTemplate {

  @Override
  public void fill(DataSource template) {
    Migrations.migrate(template);
  }
}
