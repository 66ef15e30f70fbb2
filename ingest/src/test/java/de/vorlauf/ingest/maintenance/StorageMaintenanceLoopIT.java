package de.vorlauf.ingest.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.StorageMaintenance;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.testsupport.SharedServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance loop on plain PostgreSQL: runs at once, on a named thread of the given factory.
 */
class StorageMaintenanceLoopIT {

  @Test
  void runsAtStartOnANamedThreadOfTheCreatorsFactoryAndStopsOnClose(@TempDir Path dir)
      throws Exception {
    try (RunningPostgres postgres = SharedServices.database(StorageMaintenanceLoopIT.class);
        HikariDataSource ds =
            PooledDataSources.create(
                new DatabaseSettings(
                    postgres.jdbcUrl(),
                    postgres.user(),
                    postgres.password(),
                    2,
                    Duration.ofSeconds(5)),
                "maintenance-it")) {
      Migrations.migrate(ds);
      StorageSettings settings =
          new StorageSettings(
              Duration.ofDays(90),
              Duration.ofDays(730),
              Duration.ofDays(1),
              Duration.ofDays(7),
              20);
      AtomicInteger made = new AtomicInteger();
      LocalDate last = LocalDate.now(ZoneOffset.UTC).plusDays(20);

      try (StorageMaintenanceLoop loop =
          StorageMaintenanceLoop.start(
              new StorageMaintenance(ds, settings, Clock.systemUTC()),
              Duration.ofHours(1),
              r -> {
                made.incrementAndGet();
                return IngestThreads.platform().newThread(r);
              })) {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  try (Connection c = ds.getConnection()) {
                    return PartitionManager.list(c).contains(last);
                  }
                });
        assertThat(made).hasValue(1);
        assertThat(Thread.getAllStackTraces().keySet())
            .anyMatch(t -> t.getName().equals("vorlauf-storage-maintenance"));
      }
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  Thread.getAllStackTraces().keySet().stream()
                      .noneMatch(t -> t.getName().equals("vorlauf-storage-maintenance")));
    }
  }
}
