package de.vorlauf.testdata;

import de.vorlauf.persistence.Migrations;
import de.vorlauf.testsupport.DatabaseTemplate;
import javax.sql.DataSource;

/**
 * A template database (see {@code @DatabaseFrom}) migrated and holding {@link TestData#standard()}:
 * loaded once per test JVM, and every test class gets a file copy of it.
 */
public final class MigratedWithTestData implements DatabaseTemplate {

  @Override
  public void fill(DataSource template) {
    Migrations.migrate(template);
    TestData.standard().loadInto(template);
  }
}
