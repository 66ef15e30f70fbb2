package de.vorlauf.persistence.migration;

import de.vorlauf.persistence.timeseries.StorageMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature matrix {@code building_features}, partitioned by time like the readings: a hypertable
 * (7-day chunks) where the readings are one, monthly native range partitions otherwise, created
 * when the ETL first writes a month ({@code persistence.features.FeatureStore}). Retention (default
 * 2 years) is applied at run time by the nightly ETL, so changing it needs no migration. Not
 * compressed: late data rewrites past building-days.
 */
public class V90__Building_features extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V90__Building_features.class);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean timescale = StorageMode.isHypertable(connection, "readings");
    try (Statement statement = connection.createStatement()) {
      if (timescale) {
        statement.execute(FeaturesSchema.CREATE_FEATURES.formatted(""));
        statement.execute(FeaturesSchema.CREATE_HYPERTABLE);
      } else {
        statement.execute(FeaturesSchema.CREATE_FEATURES.formatted(" PARTITION BY RANGE (time)"));
      }
      statement.execute(FeaturesSchema.COMMENT);
    }
    log.info(
        "building_features created ({})",
        timescale ? "TimescaleDB hypertable" : "monthly partitions");
  }
}
