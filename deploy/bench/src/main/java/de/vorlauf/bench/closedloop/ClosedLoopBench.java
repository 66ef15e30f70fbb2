package de.vorlauf.bench.closedloop;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deploy/vorlauf closed-loop [buildings=50 days=14 history-days=21 seed=42 epochs=20
 * optimizer=platform|none forecast=persistence|noisy]}: starts its own PostgreSQL and Mosquitto
 * through the project's service code (free ports, a fresh state folder under {@code
 * deploy/bench/target/closed-loop-<time>}), runs {@link ClosedLoopRun} and prints and writes the
 * report ({@code report.md} in that folder).
 */
public final class ClosedLoopBench {

  private static final Logger log = LoggerFactory.getLogger(ClosedLoopBench.class);

  private ClosedLoopBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("vorlauf.repo", "."));
    Instant now = Instant.now();
    Path dir =
        repo.resolve("deploy/bench/target/closed-loop-" + now.getEpochSecond()).toAbsolutePath();
    ClosedLoopConfig config;
    try {
      config = ClosedLoopConfig.parse(args, dir, now);
    } catch (IllegalArgumentException e) {
      log.error("closed-loop: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(dir);
    try (RunningPostgres postgres =
            PostgresService.start(PostgresOptions.forTest(dir.resolve("postgres")));
        RunningBroker broker =
            MqttBrokerService.start(
                BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO))) {
      ClosedLoopResult result =
          new ClosedLoopRun(
                  config,
                  new ClosedLoopPlatform.Services(
                      postgres.jdbcUrl(), postgres.user(), postgres.password(), broker.url()),
                  ClosedLoopOptimization.named(config.optimizer()),
                  ClosedLoopOptimization.describe(config.optimizer()))
              .run();
      String report = ClosedLoopReport.markdown(result);
      Path file = dir.resolve("report.md");
      Files.writeString(file, report);
      log.info("closed-loop report ({}):\n{}", file, report);
    }
    System.exit(0);
  }
}
