package de.vorlauf.worker.brokeraccess;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.ingest.brokeraccess.BrokerAccessExport;
import de.vorlauf.ingest.brokeraccess.MosquittoReload;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.worker.config.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code broker-access --out DIR [--service-accounts FILE] [--reload-pid-file FILE]}: exports the
 * broker's {@code passwd} and {@code acl} once, for an external Mosquitto (run it from cron or a
 * systemd timer) or by hand. Service accounts come from {@code DIR/service-accounts} unless given.
 * With a pid file, the broker gets SIGHUP when a file changed. Exit 0 done, 1 failed, 2 usage.
 */
public final class BrokerAccessCommand {

  static final String USAGE =
      "usage: vorlauf-worker broker-access --out DIR [--service-accounts FILE]"
          + " [--reload-pid-file FILE]";

  private static final Logger log = LoggerFactory.getLogger(BrokerAccessCommand.class);

  /** Parsed arguments; null fields were not given. */
  record Arguments(Path out, Path serviceAccounts, Path pidFile) {

    /**
     * @throws IllegalArgumentException with a sentence for the user
     */
    static Arguments parse(List<String> args) {
      Path out = null;
      Path accounts = null;
      Path pidFile = null;
      for (int i = 0; i < args.size(); i++) {
        String option = args.get(i);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        Path value = Path.of(args.get(++i));
        switch (option) {
          case "--out" -> out = value;
          case "--service-accounts" -> accounts = value;
          case "--reload-pid-file" -> pidFile = value;
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out DIR is required");
      }
      return new Arguments(out, accounts, pidFile);
    }
  }

  private BrokerAccessCommand() {}

  /** Arguments after the command name; the database comes from the worker's configuration. */
  public static int run(List<String> args, WorkerConfig config) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      log.error("{}\n{}", e.getMessage(), USAGE);
      return 2;
    }
    DatabaseSettings settings =
        new DatabaseSettings(
            config.dbUrl(), config.dbUser(), config.dbPassword(), 1, Duration.ofSeconds(30));
    try (HikariDataSource pool = PooledDataSources.create(settings, "vorlauf-broker-access")) {
      BrokerAccessExport export =
          new BrokerAccessExport(pool, arguments.out(), arguments.serviceAccounts());
      BrokerAccessExport.Result result = export.export(Clock.systemUTC().instant());
      result.warnings().forEach(w -> log.warn("{}", w));
      String reloaded =
          result.changed() && arguments.pidFile() != null
              ? "; " + new MosquittoReload(arguments.pidFile()).reload()
              : "";
      log.info(
          "{} devices and {} service accounts: {} {}, {} {}{}",
          result.devices(),
          result.serviceAccounts(),
          export.passwordFile(),
          result.passwordFileChanged() ? "written" : "unchanged",
          export.aclFile(),
          result.aclFileChanged() ? "written" : "unchanged",
          reloaded);
      return 0;
    } catch (Exception e) {
      log.error(
          "exporting the broker access files from {} failed: {}", config.dbUrl(), e.toString());
      return 1;
    }
  }
}
