package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.MqttServiceAccounts;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import de.vorlauf.domain.config.BrokerAccessVars;
import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WebAdminVars;
import de.vorlauf.domain.config.WorkerVars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment variables the worker and WildFly get from the launcher: where each service is,
 * how to log in, and a label of each service's origin for the status page. Everything else in the
 * launcher's environment (TEMPORAL_NAMESPACE, VORLAUF_WORKER_SHUTDOWN_GRACE, …) is inherited.
 */
final class ChildEnvironment {

  static final String WORKER_LABEL = "Vorlauf worker (started by Vorlauf)";

  private ChildEnvironment() {}

  static Map<String, String> worker(
      RunningPostgres database,
      java.nio.file.Path dbPasswordFile,
      RunningBroker mqtt,
      RunningTemporal temporal,
      int healthPort,
      MqttServiceAccounts mqttAccounts) {
    Map<String, String> env = common(database, mqtt, temporal);
    if (mqttAccounts != null && mqtt.accessControl().isPresent()) {
      BrokerAccessControl access = mqtt.accessControl().get();
      login(env, mqttAccounts.worker());
      // the worker keeps the broker's password and ACL files in sync with the registry
      env.put(BrokerAccessVars.DIR.name(), access.dir().toString());
      if (access.pidFile() != null) {
        // Mosquitto gets SIGHUP; the embedded HiveMQ notices the changed files itself
        env.put(BrokerAccessVars.PID_FILE.name(), access.pidFile().toString());
      }
    }
    if (dbPasswordFile != null) {
      env.put(DatabaseVars.PASSWORD_FILE.name(), dbPasswordFile.toString());
    } else if (database.password() != null) {
      env.put(DatabaseVars.PASSWORD.name(), database.password());
    }
    env.put(WorkerVars.HEALTH_PORT.name(), Integer.toString(healthPort));
    // DL4J's OpenMP: one thread, so training is reproducible and leaves the other core to ingestion
    env.put("OMP_NUM_THREADS", "1");
    return env;
  }

  /**
   * The launcher runs one worker: unless the launcher's own environment names a share group (which
   * the worker inherits), that worker subscribes plainly. A plain subscription survives a broker
   * restart (Mosquitto 2.0.11 drops shared ones, README "Broker restarts"); a share group is only
   * needed to split the stream between several workers.
   */
  static void singleWorkerSubscription(
      Map<String, String> workerEnv, Map<String, String> launcherEnv) {
    String configured = launcherEnv.get(IngestVars.SHARE_GROUP.name());
    if (configured == null || configured.isBlank()) {
      workerEnv.put(IngestVars.SHARE_GROUP.name(), IngestVars.NO_SHARE_GROUP);
    }
  }

  static Map<String, String> wildfly(
      RunningPostgres database,
      RunningBroker mqtt,
      RunningTemporal temporal,
      String temporalUiUrl,
      int workerHealthPort,
      AdminCredentials admin,
      MqttServiceAccounts mqttAccounts) {
    Map<String, String> env = common(database, mqtt, temporal);
    if (mqttAccounts != null && mqtt.accessControl().isPresent()) {
      login(env, mqttAccounts.admin());
    }
    if (database.password() != null) {
      env.put(DatabaseVars.PASSWORD.name(), database.password());
    }
    if (temporalUiUrl != null) {
      env.put(TemporalVars.UI_URL.name(), temporalUiUrl);
    }
    env.put(WorkerVars.HEALTH_URL.name(), "http://127.0.0.1:" + workerHealthPort + "/health");
    env.put(
        WebAdminVars.SERVICE_ORIGINS.name(),
        origins(List.of(database, mqtt, temporal)) + ";worker=" + WORKER_LABEL);
    env.put(WebAdminVars.ADMIN_USERS_FILE.name(), admin.usersFile().toString());
    env.put(WebAdminVars.ADMIN_ROLES_FILE.name(), admin.rolesFile().toString());
    return env;
  }

  private static void login(Map<String, String> env, MqttLogin login) {
    env.put(MqttVars.USER.name(), login.user());
    env.put(MqttVars.PASSWORD.name(), login.password());
  }

  /** "database=embedded PostgreSQL 15.19 (zonky);mqtt=…;temporal=…" */
  static String origins(List<? extends RunningService> services) {
    return services.stream()
        .map(s -> s.name() + "=" + s.label().replace(';', ',').replace('=', ':'))
        .collect(Collectors.joining(";"));
  }

  private static Map<String, String> common(
      RunningPostgres database, RunningBroker mqtt, RunningTemporal temporal) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(DatabaseVars.URL.name(), database.jdbcUrl());
    if (database.user() != null) {
      env.put(DatabaseVars.USER.name(), database.user());
    }
    env.put(MqttVars.URL.name(), mqtt.url());
    env.put(TemporalVars.ADDRESS.name(), temporal.address());
    return env;
  }

  /**
   * Every child logs in the launcher's format, also when the launcher's environment left it unset:
   * the children's defaults could differ from the launcher's one day, the logs must not.
   */
  static Map<String, String> withLogFormat(Map<String, String> env, String format) {
    env.put(LogVars.FORMAT.name(), format);
    return env;
  }
}
