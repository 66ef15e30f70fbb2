package de.vorlauf.testdata;

import de.vorlauf.persistence.Migrations;
import de.vorlauf.testsupport.DatabaseTemplate;
import javax.sql.DataSource;

/**
 * A template database (see {@code @DatabaseFrom}) migrated and holding {@link TestData#standard()}:
 * its readings and its features in {@code building_features}, as after a backfill over the
 * dataset's days. For tests that read features (training, the building page's charts) without
 * running the ETL; loaded once per test JVM, every test class gets a file copy of it.
 */
public final class MigratedWithTestDataAndFeatures implements DatabaseTemplate {

  @Override
  public void fill(DataSource template) {
    Migrations.migrate(template);
    TestData.standard().loadInto(template);
    TestData.standard().loadFeaturesInto(template);
  }
}
