package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The worker's sync of the registry into Mosquitto's password and ACL files. */
public final class BrokerAccessVars {

  public static final EnvVar<Path> DIR =
      EnvVar.path("VORLAUF_BROKER_ACCESS_DIR")
          .unset("no sync (the launcher sets it for its Mosquitto)")
          .readBy(WORKER)
          .means(
              "where the worker keeps the broker's passwd and acl files in sync with the registry");

  public static final EnvVar<Path> SERVICE_ACCOUNTS =
      EnvVar.path("VORLAUF_BROKER_SERVICE_ACCOUNTS")
          .unset("<access dir>/service-accounts")
          .readBy(WORKER)
          .means("password lines of the platform's own broker accounts");

  public static final EnvVar<Duration> INTERVAL =
      EnvVar.duration("VORLAUF_BROKER_ACCESS_INTERVAL", "PT1S")
          .byDefault("PT10S")
          .readBy(WORKER)
          .means("how often the registry is compared with the files");

  public static final EnvVar<Path> PID_FILE =
      EnvVar.path("VORLAUF_BROKER_PID_FILE")
          .unset("the files are written, the broker is not told")
          .readBy(WORKER)
          .means("Mosquitto's pid file: it gets SIGHUP after a change");

  public static final List<EnvVar<?>> ALL = List.of(DIR, SERVICE_ACCOUNTS, INTERVAL, PID_FILE);

  private BrokerAccessVars() {}
}
