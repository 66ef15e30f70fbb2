package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.MqttServiceAccounts;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.wildfly.AdminCredentials;
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
      env.put("VORLAUF_BROKER_ACCESS_DIR", access.dir().toString());
      env.put("VORLAUF_BROKER_PID_FILE", access.pidFile().toString());
    }
    if (dbPasswordFile != null) {
      env.put("VORLAUF_DB_PASSWORD_FILE", dbPasswordFile.toString());
    } else if (database.password() != null) {
      env.put("VORLAUF_DB_PASSWORD", database.password());
    }
    env.put("VORLAUF_WORKER_HEALTH_PORT", Integer.toString(healthPort));
    return env;
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
      env.put("VORLAUF_DB_PASSWORD", database.password());
    }
    if (temporalUiUrl != null) {
      env.put("VORLAUF_TEMPORAL_UI_URL", temporalUiUrl);
    }
    env.put("VORLAUF_WORKER_HEALTH_URL", "http://127.0.0.1:" + workerHealthPort + "/health");
    env.put(
        "VORLAUF_SERVICE_ORIGINS",
        origins(List.of(database, mqtt, temporal)) + ";worker=" + WORKER_LABEL);
    env.put("VORLAUF_ADMIN_USERS_FILE", admin.usersFile().toString());
    env.put("VORLAUF_ADMIN_ROLES_FILE", admin.rolesFile().toString());
    return env;
  }

  private static void login(Map<String, String> env, MqttLogin login) {
    env.put("VORLAUF_MQTT_USER", login.user());
    env.put("VORLAUF_MQTT_PASSWORD", login.password());
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
    env.put("VORLAUF_DB_URL", database.jdbcUrl());
    if (database.user() != null) {
      env.put("VORLAUF_DB_USER", database.user());
    }
    env.put("VORLAUF_MQTT_URL", mqtt.url());
    env.put("TEMPORAL_ADDRESS", temporal.address());
    return env;
  }
}
