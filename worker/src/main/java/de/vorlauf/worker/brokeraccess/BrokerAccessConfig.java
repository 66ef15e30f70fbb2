package de.vorlauf.worker.brokeraccess;

import de.vorlauf.worker.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

  public static final String DIR = "VORLAUF_BROKER_ACCESS_DIR";
  public static final String SERVICE_ACCOUNTS = "VORLAUF_BROKER_SERVICE_ACCOUNTS";
  public static final String INTERVAL = "VORLAUF_BROKER_ACCESS_INTERVAL";
  public static final String PID_FILE = "VORLAUF_BROKER_PID_FILE";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  public static final BrokerAccessConfig DISABLED =
      new BrokerAccessConfig(null, null, DEFAULT_INTERVAL, null);

  public boolean enabled() {
    return dir != null;
  }

  /**
   * @throws ConfigException naming every bad variable
   */
  public static BrokerAccessConfig read(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Path dir = path(env, DIR, problems);
    Path accounts = path(env, SERVICE_ACCOUNTS, problems);
    Path pidFile = path(env, PID_FILE, problems);
    Duration interval = DEFAULT_INTERVAL;
    String value = value(env, INTERVAL);
    if (value != null) {
      try {
        interval = Duration.parse(value);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
          problems.add("%s=%s: must be at least PT1S".formatted(INTERVAL, value));
        }
      } catch (DateTimeParseException e) {
        problems.add(
            "%s=%s: expected an ISO-8601 duration such as PT10S".formatted(INTERVAL, value));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new BrokerAccessConfig(dir, accounts, interval, pidFile);
  }

  private static Path path(Map<String, String> env, String name, List<String> problems) {
    String value = value(env, name);
    if (value == null) {
      return null;
    }
    try {
      return Path.of(value);
    } catch (RuntimeException e) {
      problems.add("%s=%s: not a usable path".formatted(name, value));
      return null;
    }
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
