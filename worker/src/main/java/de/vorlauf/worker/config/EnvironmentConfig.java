package de.vorlauf.worker.config;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.worker.polling.VendorEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@link WorkerConfig} from environment variables, through their declarations in {@code
 * de.vorlauf.domain.config} (ranges, defaults). Blank values count as unset. Every problem is
 * collected, so one start names all of them.
 */
public final class EnvironmentConfig {

  private EnvironmentConfig() {}

  /**
   * @param environment usually {@code System.getenv()}
   * @throws ConfigException listing every variable with a bad value
   */
  public static WorkerConfig read(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    WorkerConfig.Builder b =
        WorkerConfig.builder()
            .dbUrl(env.get(DatabaseVars.URL))
            .dbUser(env.get(DatabaseVars.USER))
            .dbPassword(dbPassword(env))
            .mqttUrl(env.get(MqttVars.URL))
            .mqttUser(env.get(MqttVars.USER))
            .mqttPassword(env.get(MqttVars.PASSWORD))
            .temporalAddress(env.get(TemporalVars.ADDRESS))
            .temporalNamespace(env.get(TemporalVars.NAMESPACE))
            .healthPort(env.get(WorkerVars.HEALTH_PORT))
            .shutdownGrace(env.get(WorkerVars.SHUTDOWN_GRACE))
            .clockSkewThreshold(env.get(WorkerVars.CLOCK_SKEW_THRESHOLD))
            .ingest(IngestEnvironment.read(env))
            .storage(StorageEnvironment.read(env))
            .vendorIntegrations(VendorEnvironment.read(env));
    env.throwIfInvalid();
    return b.build();
  }

  /** The file wins over the variable, so a secret never has to live in the environment. */
  private static String dbPassword(EnvReader env) {
    Path file = env.find(DatabaseVars.PASSWORD_FILE).orElse(null);
    if (file == null) {
      return env.get(DatabaseVars.PASSWORD);
    }
    try {
      return EnvReader.passwordFromFile(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      env.problem(
          "%s=%s: cannot read the password file (%s)"
              .formatted(DatabaseVars.PASSWORD_FILE.name(), file, e.getClass().getSimpleName()));
      return null;
    }
  }
}
