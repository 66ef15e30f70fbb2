package de.vorlauf.simulator;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.EnvVar;
import de.vorlauf.domain.config.LauncherVars;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.SimulatorVars;
import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line and environment of {@code SimulatorMain run}: every option is a flag {@code
 * --name value} and an environment variable; the flag wins. Both are parsed by the variable's
 * declaration ({@link SimulatorVars}); the module README has the table.
 */
record SimulatorOptions(SimulatorSettings settings, Path reportFile) {

  /** Flag name → its environment variable. */
  static final Map<String, EnvVar<?>> FLAGS =
      Map.ofEntries(
          Map.entry("state-dir", SimulatorVars.STATE_DIR),
          Map.entry("api-url", SimulatorVars.API_URL),
          Map.entry("admin-user", SimulatorVars.ADMIN_USER),
          Map.entry("admin-password-file", SimulatorVars.ADMIN_PASSWORD_FILE),
          Map.entry("mqtt-url", MqttVars.URL),
          Map.entry("buildings", SimulatorVars.BUILDINGS),
          Map.entry("seed", SimulatorVars.SEED),
          Map.entry("id-prefix", SimulatorVars.ID_PREFIX),
          Map.entry("backfill-days", SimulatorVars.BACKFILL_DAYS),
          Map.entry("backfill", SimulatorVars.BACKFILL),
          Map.entry("gateway-mode", SimulatorVars.GATEWAY_MODE),
          Map.entry("gateway-threshold", SimulatorVars.GATEWAY_THRESHOLD),
          Map.entry("gateway-size", SimulatorVars.GATEWAY_SIZE),
          Map.entry("faults", SimulatorVars.FAULTS),
          Map.entry("cloud-port", SimulatorVars.CLOUD_PORT),
          Map.entry("cloud-installations", SimulatorVars.CLOUD_INSTALLATIONS),
          Map.entry("cloud-client-id", SimulatorVars.CLOUD_CLIENT_ID),
          Map.entry("cloud-secret-file", SimulatorVars.CLOUD_SECRET_FILE),
          Map.entry("threads", SimulatorVars.THREADS),
          Map.entry("max-inflight", SimulatorVars.MAX_INFLIGHT),
          Map.entry("backlog-window", SimulatorVars.BACKLOG_WINDOW),
          Map.entry("progress-interval", SimulatorVars.PROGRESS_INTERVAL),
          Map.entry("report-file", SimulatorVars.REPORT_FILE),
          Map.entry("zone", SimulatorVars.ZONE),
          Map.entry("season-offset-days", SimulatorVars.SEASON_OFFSET_DAYS));

  /**
   * @throws IllegalArgumentException for an unknown flag; {@link ConfigException} naming every
   *     variable (or the flag's variable) whose value cannot be used
   */
  static SimulatorOptions parse(List<String> args, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>(environment);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!FLAGS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(FLAGS.get(name).name(), value);
    }
    EnvReader env = new EnvReader(values);
    Path platformState = env.get(LauncherVars.STATE_DIR);
    Path secrets = platformState.resolve("secrets");
    Path stateDir = env.find(SimulatorVars.STATE_DIR).orElse(platformState.resolve("simulator"));
    SimulatorSettings defaults = SimulatorSettings.defaults(stateDir, env.get(MqttVars.URL));
    String api = env.get(SimulatorVars.API_URL);
    SimulatorSettings settings =
        new SimulatorSettings(
            stateDir,
            SimulatorVars.noApi(api) ? null : URI.create(api.endsWith("/") ? api : api + "/"),
            env.get(SimulatorVars.ADMIN_USER),
            env.find(SimulatorVars.ADMIN_PASSWORD_FILE).orElse(secrets.resolve("admin-password")),
            defaults.mqttUrl(),
            env.get(SimulatorVars.BUILDINGS),
            env.get(SimulatorVars.SEED),
            env.get(SimulatorVars.ID_PREFIX),
            SimulatorVars.backfill(env),
            GatewayMode.valueOf(env.get(SimulatorVars.GATEWAY_MODE).toUpperCase(Locale.ROOT)),
            env.get(SimulatorVars.GATEWAY_THRESHOLD),
            env.get(SimulatorVars.GATEWAY_SIZE),
            env.get(SimulatorVars.FAULTS),
            env.get(SimulatorVars.CLOUD_PORT),
            env.get(SimulatorVars.CLOUD_INSTALLATIONS),
            env.get(SimulatorVars.CLOUD_CLIENT_ID),
            env.find(SimulatorVars.CLOUD_SECRET_FILE)
                .orElse(secrets.resolve("vendor-sim-cloud-secret")),
            env.find(SimulatorVars.THREADS).orElse(defaults.stepThreads()),
            env.get(SimulatorVars.MAX_INFLIGHT),
            env.get(SimulatorVars.BACKLOG_WINDOW),
            env.get(SimulatorVars.PROGRESS_INTERVAL),
            env.get(SimulatorVars.ZONE),
            env.get(SimulatorVars.SEASON_OFFSET_DAYS));
    // logback.xml applies the format; reading it here stops a bad value with the usual message
    env.get(LogVars.FORMAT);
    env.throwIfInvalid();
    Path report = env.find(SimulatorVars.REPORT_FILE).orElse(stateDir.resolve("energy-report.txt"));
    return new SimulatorOptions(settings, report);
  }
}
