package de.vorlauf.worker.config;

import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.OptimizationVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.domain.vendor.VendorIntegrations;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.worker.etl.FeaturesConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the worker process is configured with, read once from the environment at startup
 * ({@link EnvironmentConfig}) and passed down through constructors.
 *
 * @param dbPassword null when the database needs none; never logged
 * @param mqttUser null for anonymous access
 * @param mqttPassword null for anonymous access; never logged
 * @param healthPort port of the health and metrics endpoints; 0 picks a free one (tests)
 * @param health where those endpoints listen, and readiness' patience ({@link HealthConfig})
 * @param shutdownGrace how long a stopping worker waits for in-flight activities
 * @param clockSkewThreshold the largest clock skew the self-check accepts
 * @param selfCheck the self-check's ingestion and vendor thresholds ({@link SelfCheckConfig})
 * @param ingest MQTT ingestion and the worker's pipeline ({@link MqttIngestConfig})
 * @param storage retention, partitions and chunks of the readings ({@link StorageEnvironment})
 * @param vendorIntegrations vendor clouds to poll (none unless VORLAUF_VENDOR_INTEGRATIONS_FILE)
 * @param schedules the schedules set up at start ({@link ScheduleSettings}; none from the builder)
 * @param logLevelPoll how often the log levels an admin set are read
 * @param features retention and holiday calendar of the feature matrix ({@link FeaturesConfig})
 * @param training whether this process polls the training task queue ({@link TrainingRole})
 * @param optimizationRetention how long optimisation results and predictions are kept
 * @param setpoints resend and dispatch intervals of setpoint delivery ({@link
 *     SetpointDeliveryConfig})
 */
public record WorkerConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    String mqttUrl,
    String mqttUser,
    String mqttPassword,
    String temporalAddress,
    String temporalNamespace,
    int healthPort,
    HealthConfig health,
    Duration shutdownGrace,
    Duration clockSkewThreshold,
    SelfCheckConfig selfCheck,
    MqttIngestConfig ingest,
    StorageSettings storage,
    VendorIntegrations vendorIntegrations,
    ScheduleSettings schedules,
    Duration logLevelPoll,
    FeaturesConfig features,
    TrainingRole training,
    Duration optimizationRetention,
    SetpointDeliveryConfig setpoints) {

  public static final String DEFAULT_DB_URL = DatabaseVars.URL.defaultValue();
  public static final String DEFAULT_DB_USER = DatabaseVars.USER.defaultValue();
  public static final String DEFAULT_MQTT_URL = MqttVars.URL.defaultValue();
  public static final String DEFAULT_TEMPORAL_ADDRESS = TemporalVars.ADDRESS.defaultValue();
  public static final String DEFAULT_TEMPORAL_NAMESPACE = TemporalVars.NAMESPACE.defaultValue();
  public static final int DEFAULT_HEALTH_PORT = WorkerVars.HEALTH_PORT.defaultValue();
  public static final Duration DEFAULT_SHUTDOWN_GRACE = WorkerVars.SHUTDOWN_GRACE.defaultValue();
  public static final Duration DEFAULT_CLOCK_SKEW_THRESHOLD =
      WorkerVars.CLOCK_SKEW_THRESHOLD.defaultValue();

  public WorkerConfig {
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(dbUser, "dbUser");
    Objects.requireNonNull(mqttUrl, "mqttUrl");
    Objects.requireNonNull(temporalAddress, "temporalAddress");
    Objects.requireNonNull(temporalNamespace, "temporalNamespace");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(clockSkewThreshold, "clockSkewThreshold");
    Objects.requireNonNull(selfCheck, "selfCheck");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(vendorIntegrations, "vendorIntegrations");
    Objects.requireNonNull(schedules, "schedules");
    Objects.requireNonNull(logLevelPoll, "logLevelPoll");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(optimizationRetention, "optimizationRetention");
    Objects.requireNonNull(setpoints, "setpoints");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .dbUrl(dbUrl)
        .dbUser(dbUser)
        .dbPassword(dbPassword)
        .mqttUrl(mqttUrl)
        .mqttUser(mqttUser)
        .mqttPassword(mqttPassword)
        .temporalAddress(temporalAddress)
        .temporalNamespace(temporalNamespace)
        .healthPort(healthPort)
        .health(health)
        .shutdownGrace(shutdownGrace)
        .clockSkewThreshold(clockSkewThreshold)
        .selfCheck(selfCheck)
        .ingest(ingest)
        .storage(storage)
        .vendorIntegrations(vendorIntegrations)
        .schedules(schedules)
        .logLevelPoll(logLevelPoll)
        .features(features)
        .training(training)
        .optimizationRetention(optimizationRetention)
        .setpoints(setpoints);
  }

  @Override
  public String toString() {
    return ("WorkerConfig[db=%s as %s (password %s), mqtt=%s as %s, temporal=%s namespace %s,"
            + " health=%s:%d (ack stall %s), shutdownGrace=%s, clockSkewThreshold=%s, ingest=%s, storage=%s,"
            + " vendorIntegrations=%s, schedules=%s, features=%s, training=%s,"
            + " optimizationRetention=%s, setpoints=%s]")
        .formatted(
            dbUrl,
            dbUser,
            dbPassword == null ? "none" : "set",
            mqttUrl,
            mqttUser == null ? "anonymous" : mqttUser,
            temporalAddress,
            temporalNamespace,
            health.bindAddress(),
            healthPort,
            health.ackStallAfter(),
            shutdownGrace,
            clockSkewThreshold,
            ingest,
            storage,
            vendorIntegrations.all().stream().map(i -> i.id()).toList(),
            schedules,
            features,
            training,
            optimizationRetention,
            setpoints);
  }

  /** Starts from the documented defaults; for tests and for {@link EnvironmentConfig}. */
  public static final class Builder {
    private String dbUrl = DEFAULT_DB_URL;
    private String dbUser = DEFAULT_DB_USER;
    private String dbPassword;
    private String mqttUrl = DEFAULT_MQTT_URL;
    private String mqttUser;
    private String mqttPassword;
    private String temporalAddress = DEFAULT_TEMPORAL_ADDRESS;
    private String temporalNamespace = DEFAULT_TEMPORAL_NAMESPACE;
    private int healthPort = DEFAULT_HEALTH_PORT;
    private HealthConfig health = HealthConfig.defaults();
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Duration clockSkewThreshold = DEFAULT_CLOCK_SKEW_THRESHOLD;
    private SelfCheckConfig selfCheck = SelfCheckConfig.defaults();
    private MqttIngestConfig ingest = MqttIngestConfig.defaults();
    private StorageSettings storage = StorageSettings.defaults();
    private VendorIntegrations vendorIntegrations = VendorIntegrations.none();
    private ScheduleSettings schedules = ScheduleSettings.NONE;
    private Duration logLevelPoll = LogVars.LEVEL_POLL.defaultValue();
    private FeaturesConfig features = FeaturesConfig.defaults();
    private TrainingRole training = TrainingRole.INCLUDE;
    private Duration optimizationRetention = OptimizationVars.RETENTION.defaultValue();
    private SetpointDeliveryConfig setpoints = SetpointDeliveryConfig.defaults();

    private Builder() {}

    public Builder dbUrl(String value) {
      dbUrl = value;
      return this;
    }

    public Builder dbUser(String value) {
      dbUser = value;
      return this;
    }

    public Builder dbPassword(String value) {
      dbPassword = value;
      return this;
    }

    public Builder mqttUrl(String value) {
      mqttUrl = value;
      return this;
    }

    public Builder mqttUser(String value) {
      mqttUser = value;
      return this;
    }

    public Builder mqttPassword(String value) {
      mqttPassword = value;
      return this;
    }

    public Builder temporalAddress(String value) {
      temporalAddress = value;
      return this;
    }

    public Builder temporalNamespace(String value) {
      temporalNamespace = value;
      return this;
    }

    public Builder healthPort(int value) {
      healthPort = value;
      return this;
    }

    public Builder health(HealthConfig value) {
      health = value;
      return this;
    }

    public Builder shutdownGrace(Duration value) {
      shutdownGrace = value;
      return this;
    }

    public Builder clockSkewThreshold(Duration value) {
      clockSkewThreshold = value;
      return this;
    }

    public Builder selfCheck(SelfCheckConfig value) {
      selfCheck = value;
      return this;
    }

    public Builder ingest(MqttIngestConfig value) {
      ingest = value;
      return this;
    }

    public Builder storage(StorageSettings value) {
      storage = value;
      return this;
    }

    public Builder vendorIntegrations(VendorIntegrations value) {
      vendorIntegrations = value;
      return this;
    }

    public Builder schedules(ScheduleSettings value) {
      schedules = value;
      return this;
    }

    public Builder logLevelPoll(Duration value) {
      logLevelPoll = value;
      return this;
    }

    public Builder features(FeaturesConfig value) {
      features = value;
      return this;
    }

    public Builder training(TrainingRole value) {
      training = value;
      return this;
    }

    public Builder optimizationRetention(Duration value) {
      optimizationRetention = value;
      return this;
    }

    public Builder setpoints(SetpointDeliveryConfig value) {
      setpoints = value;
      return this;
    }

    public WorkerConfig build() {
      return new WorkerConfig(
          dbUrl,
          dbUser,
          dbPassword,
          mqttUrl,
          mqttUser,
          mqttPassword,
          temporalAddress,
          temporalNamespace,
          healthPort,
          health,
          shutdownGrace,
          clockSkewThreshold,
          selfCheck,
          ingest,
          storage,
          vendorIntegrations,
          schedules,
          logLevelPoll,
          features,
          training,
          optimizationRetention,
          setpoints);
    }
  }
}
