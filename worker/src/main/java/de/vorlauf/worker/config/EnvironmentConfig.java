package de.vorlauf.worker.config;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.OptimizationVars;
import de.vorlauf.domain.config.ScheduleVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.worker.etl.FeaturesConfig;
import de.vorlauf.worker.vendor.VendorEnvironment;
import java.nio.file.Files;
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
            .dbPassword(
                env.secret(DatabaseVars.PASSWORD, DatabaseVars.PASSWORD_FILE, Files::readString))
            .mqttUrl(env.get(MqttVars.URL))
            .mqttUser(env.get(MqttVars.USER))
            .mqttPassword(env.get(MqttVars.PASSWORD))
            .temporalAddress(env.get(TemporalVars.ADDRESS))
            .temporalNamespace(env.get(TemporalVars.NAMESPACE))
            .healthPort(env.get(WorkerVars.HEALTH_PORT))
            .health(
                new HealthConfig(env.get(WorkerVars.HEALTH_BIND), env.get(WorkerVars.ACK_STALL)))
            .shutdownGrace(env.get(WorkerVars.SHUTDOWN_GRACE))
            .clockSkewThreshold(env.get(WorkerVars.CLOCK_SKEW_THRESHOLD))
            .selfCheck(SelfCheckConfig.read(env))
            .ingest(IngestEnvironment.read(env))
            .storage(StorageEnvironment.read(env))
            .vendorIntegrations(VendorEnvironment.read(env))
            .schedules(
                ScheduleSettings.declared(
                    env.find(ScheduleVars.OVERRIDES).orElse(ScheduleOverrides.none())))
            .logLevelPoll(env.get(LogVars.LEVEL_POLL))
            .features(FeaturesConfig.read(env))
            .training(TrainingRole.read(env))
            .optimizationRetention(env.get(OptimizationVars.RETENTION))
            .setpoints(SetpointDeliveryConfig.read(env));
    // logback.xml applies the format; reading it here stops a bad value with the usual message
    env.get(LogVars.FORMAT);
    env.throwIfInvalid();
    return b.build();
  }
}
