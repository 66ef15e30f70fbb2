package de.vorlauf.simulator;

import de.vorlauf.simulator.runtime.GatewayMode;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line and environment of {@code SimulatorMain run}: every option is a flag {@code
 * --name value} and an environment variable; the flag wins. See the module README for the table.
 */
record SimulatorOptions(SimulatorSettings settings, Path reportFile) {

  /** Flag name → environment variable. */
  static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("state-dir", "VORLAUF_SIM_STATE_DIR"),
          Map.entry("api-url", "VORLAUF_API_URL"),
          Map.entry("admin-user", "VORLAUF_ADMIN_USER"),
          Map.entry("admin-password-file", "VORLAUF_ADMIN_PASSWORD_FILE"),
          Map.entry("mqtt-url", "VORLAUF_MQTT_URL"),
          Map.entry("buildings", "VORLAUF_SIM_BUILDINGS"),
          Map.entry("seed", "VORLAUF_SIM_SEED"),
          Map.entry("id-prefix", "VORLAUF_SIM_ID_PREFIX"),
          Map.entry("backfill-days", "VORLAUF_SIM_BACKFILL_DAYS"),
          Map.entry("backfill", "VORLAUF_SIM_BACKFILL"),
          Map.entry("gateway-mode", "VORLAUF_SIM_GATEWAY_MODE"),
          Map.entry("gateway-threshold", "VORLAUF_SIM_GATEWAY_THRESHOLD"),
          Map.entry("gateway-size", "VORLAUF_SIM_GATEWAY_SIZE"),
          Map.entry("faults", "VORLAUF_SIM_FAULTS"),
          Map.entry("cloud-port", "VORLAUF_SIM_CLOUD_PORT"),
          Map.entry("cloud-installations", "VORLAUF_SIM_CLOUD_INSTALLATIONS"),
          Map.entry("cloud-client-id", "VORLAUF_SIM_CLOUD_CLIENT_ID"),
          Map.entry("cloud-secret-file", "VORLAUF_SIM_CLOUD_SECRET_FILE"),
          Map.entry("threads", "VORLAUF_SIM_THREADS"),
          Map.entry("max-inflight", "VORLAUF_SIM_MAX_INFLIGHT"),
          Map.entry("progress-interval", "VORLAUF_SIM_PROGRESS_INTERVAL"),
          Map.entry("report-file", "VORLAUF_SIM_REPORT_FILE"),
          Map.entry("zone", "VORLAUF_SIM_ZONE"));

  static SimulatorOptions parse(List<String> args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    ENV.forEach(
        (flag, variable) -> {
          String value = env.get(variable);
          if (value != null && !value.isBlank()) {
            values.put(flag, value.strip());
          }
        });
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
      if (!ENV.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, value.strip());
    }
    Path platformState = Path.of(env.getOrDefault("VORLAUF_STATE_DIR", ".vorlauf"));
    Path stateDir =
        Path.of(values.getOrDefault("state-dir", platformState.resolve("simulator").toString()));
    SimulatorSettings defaults =
        SimulatorSettings.defaults(
            stateDir, values.getOrDefault("mqtt-url", "tcp://127.0.0.1:11883"));
    String api = values.getOrDefault("api-url", "http://127.0.0.1:18080");
    Duration backfill =
        values.containsKey("backfill")
            ? Duration.parse(values.get("backfill"))
            : Duration.ofDays(integer(values, "backfill-days", 30));
    SimulatorSettings settings =
        new SimulatorSettings(
            stateDir,
            api.equalsIgnoreCase("none") ? null : URI.create(api.endsWith("/") ? api : api + "/"),
            values.getOrDefault("admin-user", "admin"),
            Path.of(
                values.getOrDefault(
                    "admin-password-file",
                    platformState.resolve("secrets").resolve("admin-password").toString())),
            defaults.mqttUrl(),
            integer(values, "buildings", defaults.buildings()),
            Long.parseLong(values.getOrDefault("seed", String.valueOf(defaults.seed()))),
            values.getOrDefault("id-prefix", defaults.idPrefix()),
            backfill,
            GatewayMode.valueOf(
                values.getOrDefault("gateway-mode", "auto").toUpperCase(Locale.ROOT)),
            integer(values, "gateway-threshold", defaults.gatewayThreshold()),
            integer(values, "gateway-size", defaults.gatewaySize()),
            values.getOrDefault("faults", defaults.faults()),
            integer(values, "cloud-port", defaults.cloudPort()),
            integer(values, "cloud-installations", defaults.cloudInstallations()),
            values.getOrDefault("cloud-client-id", defaults.cloudClientId()),
            Path.of(
                values.getOrDefault(
                    "cloud-secret-file",
                    platformState
                        .resolve("secrets")
                        .resolve("vendor-sim-cloud-secret")
                        .toString())),
            integer(values, "threads", defaults.stepThreads()),
            integer(values, "max-inflight", defaults.maxInflight()),
            Duration.parse(values.getOrDefault("progress-interval", "PT5S")),
            ZoneId.of(values.getOrDefault("zone", defaults.zone().getId())));
    Path report =
        Path.of(
            values.getOrDefault("report-file", stateDir.resolve("energy-report.txt").toString()));
    return new SimulatorOptions(settings, report);
  }

  private static int integer(Map<String, String> values, String name, int fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, not '" + value + "'");
    }
  }
}
