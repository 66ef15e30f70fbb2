package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.SIMULATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The fleet simulator ({@code SimulatorMain run}); each variable is also a command-line flag, which
 * wins (simulator/README.md). The launcher reads the backfill too, to poll the simulated cloud's
 * whole history.
 */
public final class SimulatorVars {

  private static final EnvVar<String> HTTP_URL =
      EnvVar.url("VORLAUF_API_URL", false, "http", "https");

  public static final EnvVar<Path> STATE_DIR =
      EnvVar.path("VORLAUF_SIM_STATE_DIR")
          .unset("<VORLAUF_STATE_DIR>/simulator")
          .readBy(SIMULATOR)
          .means("credentials.json, backfill.done, energy-report.txt");

  public static final EnvVar<String> API_URL =
      EnvVar.of(
              "VORLAUF_API_URL",
              "an http or https URL, or none",
              text -> text.equalsIgnoreCase("none") ? "none" : HTTP_URL.parse(text))
          .byDefault("http://" + DefaultPorts.LOOPBACK + ":" + DefaultPorts.WILDFLY_HTTP)
          .readBy(SIMULATOR)
          .means("admin base URL the simulator provisions through; none: anonymous MQTT (tests)");

  public static final EnvVar<String> ADMIN_USER =
      EnvVar.text("VORLAUF_ADMIN_USER")
          .byDefault("admin")
          .readBy(SIMULATOR)
          .means("admin login of the provisioning");

  public static final EnvVar<Path> ADMIN_PASSWORD_FILE =
      EnvVar.path("VORLAUF_ADMIN_PASSWORD_FILE")
          .unset("<VORLAUF_STATE_DIR>/secrets/admin-password")
          .readBy(SIMULATOR)
          .means("the admin's password (first line)");

  public static final EnvVar<Integer> BUILDINGS =
      EnvVar.integer("VORLAUF_SIM_BUILDINGS", 1, 100_000)
          .byDefault("50")
          .readBy(SIMULATOR)
          .means("buildings publishing over MQTT");

  public static final EnvVar<Long> SEED =
      EnvVar.longInteger("VORLAUF_SIM_SEED", Long.MIN_VALUE, Long.MAX_VALUE)
          .byDefault("42")
          .readBy(SIMULATOR)
          .means("fleet, weather and faults are reproducible from it");

  public static final EnvVar<String> ID_PREFIX =
      EnvVar.text(
              "VORLAUF_SIM_ID_PREFIX",
              "[A-Za-z0-9][A-Za-z0-9._-]{0,30}",
              "1-31 letters, digits, '.', '_' or '-'")
          .byDefault("sim")
          .readBy(SIMULATOR)
          .means("registry id prefix: buildings sim-0001, devices sim-0001-gb, gateways sim-gw001");

  public static final EnvVar<Integer> BACKFILL_DAYS =
      EnvVar.integer("VORLAUF_SIM_BACKFILL_DAYS", 0, 3_650)
          .byDefault("30")
          .readBy(LAUNCHER, SIMULATOR)
          .means("history published once per state folder, in days");

  public static final EnvVar<Duration> BACKFILL =
      EnvVar.duration("VORLAUF_SIM_BACKFILL", "PT0S")
          .unset("VORLAUF_SIM_BACKFILL_DAYS")
          .readBy(LAUNCHER, SIMULATOR)
          .means("the same history as a duration (PT2H); wins over the days");

  public static final EnvVar<String> GATEWAY_MODE =
      EnvVar.choice("VORLAUF_SIM_GATEWAY_MODE", "auto", "on", "off")
          .byDefault("auto")
          .readBy(SIMULATOR)
          .means("gateways publish for their devices: on, off, or auto from the threshold on");

  public static final EnvVar<Integer> GATEWAY_THRESHOLD =
      EnvVar.integer("VORLAUF_SIM_GATEWAY_THRESHOLD", 1, 100_000)
          .byDefault("200")
          .readBy(SIMULATOR)
          .means("auto: gateways from this many buildings on");

  public static final EnvVar<Integer> GATEWAY_SIZE =
      EnvVar.integer("VORLAUF_SIM_GATEWAY_SIZE", 1, 100_000)
          .byDefault("100")
          .readBy(SIMULATOR)
          .means("devices per gateway connection");

  public static final EnvVar<String> FAULTS =
      EnvVar.choice("VORLAUF_SIM_FAULTS", "none", "demo")
          .byDefault("demo")
          .readBy(SIMULATOR)
          .means("MQTT and cloud faults of the demo, or none");

  public static final EnvVar<Integer> CLOUD_PORT =
      EnvVar.integer("VORLAUF_SIM_CLOUD_PORT", -1, 65_535)
          .byDefault(Integer.toString(DefaultPorts.VENDOR_CLOUD))
          .readBy(LAUNCHER, SIMULATOR)
          .means("port of the simulated vendor cloud on 127.0.0.1; 0 picks one; -1: no cloud");

  public static final EnvVar<Integer> CLOUD_INSTALLATIONS =
      EnvVar.integer("VORLAUF_SIM_CLOUD_INSTALLATIONS", 0, 100_000)
          .byDefault("5")
          .readBy(SIMULATOR)
          .means("installations of the cloud: 470001…, devices vc-470001…");

  public static final EnvVar<String> CLOUD_CLIENT_ID =
      EnvVar.text("VORLAUF_SIM_CLOUD_CLIENT_ID")
          .byDefault("vorlauf")
          .readBy(SIMULATOR)
          .means("OAuth2 client of the cloud");

  public static final EnvVar<Path> CLOUD_SECRET_FILE =
      EnvVar.path("VORLAUF_SIM_CLOUD_SECRET_FILE")
          .unset("<VORLAUF_STATE_DIR>/secrets/vendor-sim-cloud-secret")
          .readBy(SIMULATOR)
          .means("the cloud client's secret; created (0600, random) when missing");

  public static final EnvVar<Integer> THREADS =
      EnvVar.integer("VORLAUF_SIM_THREADS", 1, 256)
          .unset("2-4, by processor count")
          .readBy(SIMULATOR)
          .means("threads that step buildings, render and publish");

  public static final EnvVar<Integer> MAX_INFLIGHT =
      EnvVar.integer("VORLAUF_SIM_MAX_INFLIGHT", 1, 65_535)
          .byDefault("500")
          .readBy(SIMULATOR)
          .means("unacknowledged QoS 1 messages per connection (capped by the broker)");

  /**
   * Bounds what the broker holds for a backfill: at most this many messages per connection are
   * waiting for ingestion's commit receipt, whatever the broker's PUBACK says.
   */
  public static final EnvVar<Integer> BACKLOG_WINDOW =
      EnvVar.integer("VORLAUF_SIM_BACKLOG_WINDOW", 1, 65_535)
          .byDefault("200")
          .readBy(SIMULATOR)
          .means(
              "backfill messages per connection sent and not yet committed by ingestion (paced by"
                  + " commit receipts on greenbox/<device>/backlog/ack)");

  public static final EnvVar<Duration> PROGRESS_INTERVAL =
      EnvVar.positiveDuration("VORLAUF_SIM_PROGRESS_INTERVAL")
          .byDefault("PT5S")
          .readBy(SIMULATOR)
          .means("how often backfill progress is logged");

  public static final EnvVar<Path> REPORT_FILE =
      EnvVar.path("VORLAUF_SIM_REPORT_FILE")
          .unset("<state dir>/energy-report.txt")
          .readBy(SIMULATOR)
          .means("energy and comfort report, written at shutdown");

  public static final EnvVar<ZoneId> ZONE =
      EnvVar.zone("VORLAUF_SIM_ZONE")
          .byDefault("Europe/Berlin")
          .readBy(SIMULATOR)
          .means("the fleet's time zone");

  /**
   * Whole days, so the daily cycle stays on the clock: the closed-loop harness sets it so that a
   * recent period is winter whatever today's date.
   */
  public static final EnvVar<Integer> SEASON_OFFSET_DAYS =
      EnvVar.integer("VORLAUF_SIM_SEASON_OFFSET_DAYS", -366, 366)
          .byDefault("0")
          .readBy(SIMULATOR)
          .means(
              "the weather at time t is the weather model's at t + this many days (season shift;"
                  + " the physics is unchanged)");

  public static final List<EnvVar<?>> ALL =
      List.of(
          STATE_DIR,
          API_URL,
          ADMIN_USER,
          ADMIN_PASSWORD_FILE,
          BUILDINGS,
          SEED,
          ID_PREFIX,
          BACKFILL_DAYS,
          BACKFILL,
          GATEWAY_MODE,
          GATEWAY_THRESHOLD,
          GATEWAY_SIZE,
          FAULTS,
          CLOUD_PORT,
          CLOUD_INSTALLATIONS,
          CLOUD_CLIENT_ID,
          CLOUD_SECRET_FILE,
          THREADS,
          MAX_INFLIGHT,
          BACKLOG_WINDOW,
          PROGRESS_INTERVAL,
          REPORT_FILE,
          ZONE,
          SEASON_OFFSET_DAYS);

  /**
   * The history the simulator publishes: {@link #BACKFILL} when set, else {@link #BACKFILL_DAYS}.
   * One rule for the simulator and for the launcher, which polls the simulated cloud that far back.
   */
  public static Duration backfill(EnvReader env) {
    return env.find(BACKFILL).orElseGet(() -> Duration.ofDays(env.get(BACKFILL_DAYS)));
  }

  /** {@code none} as an API URL: no provisioning. */
  public static boolean noApi(String apiUrl) {
    return apiUrl.toLowerCase(Locale.ROOT).equals("none");
  }

  private SimulatorVars() {}
}
