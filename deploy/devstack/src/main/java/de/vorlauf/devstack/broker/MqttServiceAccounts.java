package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.service.Secrets;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform's own MQTT logins: the worker (ingest and self-check) and the admin WAR's status
 * probe. Passwords are generated on first start into {@code secrets/mqtt-<account>-password} and
 * kept; the user names are the ones the worker's broker-access export knows ({@code
 * de.vorlauf.ingest.brokeraccess.ServiceAccount}).
 */
public record MqttServiceAccounts(MqttLogin worker, MqttLogin admin) {

  public static final String WORKER_USER = "vorlauf-worker";
  public static final String ADMIN_USER = "vorlauf-admin";

  public static MqttServiceAccounts ensure(Path secretsDir) {
    return new MqttServiceAccounts(
        new MqttLogin(WORKER_USER, Secrets.readOrCreate(passwordFile(secretsDir, "worker"))),
        new MqttLogin(ADMIN_USER, Secrets.readOrCreate(passwordFile(secretsDir, "admin"))));
  }

  /** secrets/mqtt-ACCOUNT-password */
  public static Path passwordFile(Path secretsDir, String account) {
    return secretsDir.resolve("mqtt-" + account + "-password");
  }

  public List<MqttLogin> all() {
    return List.of(worker, admin);
  }
}
