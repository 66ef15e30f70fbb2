package de.vorlauf.worker.brokeraccess;

import de.vorlauf.domain.config.BrokerAccessVars;
import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.EnvReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The broker access sync of {@code run}, from the environment (read once, in {@code WorkerMain}).
 *
 * @param dir {@code VORLAUF_BROKER_ACCESS_DIR}: where {@code passwd} and {@code acl} are written;
 *     null disables the sync
 * @param serviceAccounts {@code VORLAUF_BROKER_SERVICE_ACCOUNTS}: the service accounts' password
 *     lines; default {@code <dir>/service-accounts}
 * @param interval {@code VORLAUF_BROKER_ACCESS_INTERVAL} (PT10S): how often the registry is read
 * @param pidFile {@code VORLAUF_BROKER_PID_FILE}: Mosquitto's pid, which gets SIGHUP after a
 *     change; null: the files are written and the broker is not told (reload it yourself)
 */
public record BrokerAccessConfig(Path dir, Path serviceAccounts, Duration interval, Path pidFile) {

  public static final Duration DEFAULT_INTERVAL = BrokerAccessVars.INTERVAL.defaultValue();

  public static final BrokerAccessConfig DISABLED =
      new BrokerAccessConfig(null, null, DEFAULT_INTERVAL, null);

  public boolean enabled() {
    return dir != null;
  }

  /**
   * @throws ConfigException naming every bad variable
   */
  public static BrokerAccessConfig read(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    BrokerAccessConfig config =
        new BrokerAccessConfig(
            env.get(BrokerAccessVars.DIR),
            env.get(BrokerAccessVars.SERVICE_ACCOUNTS),
            env.get(BrokerAccessVars.INTERVAL),
            env.get(BrokerAccessVars.PID_FILE));
    env.throwIfInvalid();
    return config;
  }
}
