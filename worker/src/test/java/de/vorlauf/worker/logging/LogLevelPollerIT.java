package de.vorlauf.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.logging.LogTarget;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.worker.MigratedSchema;
import org.junit.jupiter.api.Test;

/**
 * The worker's half of a run-time level change, on the migrated schema: a row the admin API wrote
 * into {@code log_level} (V80) is applied by the next poll, and its deletion resets the logger. The
 * API's half (row and audit entry) is {@code LogLevelApiIT} in web-admin.
 */
class LogLevelPollerIT {

  @Test
  void aLevelSetForWorkersIsAppliedByTheNextPollAndItsResetRestoresTheConfiguredOne()
      throws Exception {
    TestDatabase database = SharedServices.database(LogLevelPollerIT.class, MigratedSchema.class);
    LogLevelRepository repository = new LogLevelRepository(database.dataSource());
    LoggerContext context = new LoggerContext();
    context.getLogger("de.vorlauf.ingest").setLevel(Level.INFO);
    LogLevelPoller poller = new LogLevelPoller(repository, context);

    repository.set(LogTarget.WORKER, "de.vorlauf.ingest", "DEBUG", "alice");
    repository.set(LogTarget.WILDFLY, "de.vorlauf.webadmin", "TRACE", "alice");
    poller.pollOnce();
    assertThat(context.getLogger("de.vorlauf.ingest").getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("de.vorlauf.webadmin").getLevel())
        .as("WildFly's levels are not the worker's")
        .isNull();

    assertThat(repository.reset(LogTarget.WORKER, "de.vorlauf.ingest")).contains("DEBUG");
    poller.pollOnce();
    assertThat(context.getLogger("de.vorlauf.ingest").getLevel()).isEqualTo(Level.INFO);
    poller.close();
  }
}
