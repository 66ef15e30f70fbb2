package de.vorlauf.webadmin.config;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.EnvVar;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WebAdminVars;
import de.vorlauf.domain.config.WorkerVars;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the admin WAR reads from the environment, parsed once at startup. The datasource and
 * the login realm are configured in WildFly itself (deploy/wildfly CLI scripts), not here.
 *
 * @param mqttPassword never logged; {@link #toString()} masks it
 * @param supervisionFile the launcher's view of the processes it started, when it started us
 */
public record AdminConfig(
    URI mqttUrl,
    String mqttUser,
    String mqttPassword,
    String temporalAddress,
    String temporalNamespace,
    Optional<URI> temporalUiUrl,
    URI workerHealthUrl,
    ServiceOrigins origins,
    Optional<Path> supervisionFile) {

  public AdminConfig {
    Objects.requireNonNull(mqttUrl, "mqttUrl");
    Objects.requireNonNull(temporalAddress, "temporalAddress");
    Objects.requireNonNull(temporalNamespace, "temporalNamespace");
    Objects.requireNonNull(temporalUiUrl, "temporalUiUrl");
    Objects.requireNonNull(workerHealthUrl, "workerHealthUrl");
    Objects.requireNonNull(origins, "origins");
    Objects.requireNonNull(supervisionFile, "supervisionFile");
  }

  /**
   * Reads the declared variables ({@code de.vorlauf.domain.config}); unset or blank variables take
   * their defaults.
   *
   * @throws ConfigException naming every variable whose value cannot be used
   */
  public static AdminConfig fromEnvironment(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    AdminConfig config =
        new AdminConfig(
            uri(env, MqttVars.URL),
            env.get(MqttVars.USER),
            env.get(MqttVars.PASSWORD),
            env.get(TemporalVars.ADDRESS),
            env.get(TemporalVars.NAMESPACE),
            env.find(TemporalVars.UI_URL).map(URI::create),
            uri(env, WorkerVars.HEALTH_URL),
            ServiceOrigins.parse(env.get(WebAdminVars.SERVICE_ORIGINS)),
            env.find(WebAdminVars.LAUNCHER_SUPERVISION_FILE));
    env.throwIfInvalid();
    return config;
  }

  public boolean mqttAuthenticated() {
    return mqttUser != null;
  }

  @Override
  public String toString() {
    return "AdminConfig[mqttUrl=%s, mqttUser=%s, mqttPassword=%s, temporalAddress=%s, namespace=%s, temporalUiUrl=%s, workerHealthUrl=%s, origins=%s]"
        .formatted(
            mqttUrl,
            mqttUser,
            mqttPassword == null ? "(unset)" : "****",
            temporalAddress,
            temporalNamespace,
            temporalUiUrl.map(URI::toString).orElse("(unset)"),
            workerHealthUrl,
            origins);
  }

  /** The declaration checked the URL's shape; this is for what java.net adds beyond it. */
  private static URI uri(EnvReader env, EnvVar<String> variable) {
    String value = env.get(variable);
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      env.problem("%s=%s: %s".formatted(variable.name(), value, e.getMessage()));
      return URI.create(variable.defaultValue());
    }
  }
}
