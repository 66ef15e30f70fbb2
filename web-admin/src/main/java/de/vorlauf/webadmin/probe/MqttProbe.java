package de.vorlauf.webadmin.probe;

import de.vorlauf.ingest.mqtt.MqttProbeException;
import de.vorlauf.ingest.mqtt.MqttRoundTrip;
import de.vorlauf.ingest.mqtt.RoundTripScope;
import de.vorlauf.ingest.mqtt.RoundTripSettings;
import de.vorlauf.webadmin.config.AdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The status page's words for the round trip the worker's self-check also makes ({@link
 * MqttRoundTrip}, under {@link RoundTripScope#ADMIN_PROBE}): one QoS 1 message to a topic nobody
 * else uses, plus the broker's retained {@code $SYS/broker/version} (Mosquitto offers it, HiveMQ
 * not).
 */
@ApplicationScoped
public class MqttProbe implements Probe {

  public static final String NAME = "mqtt";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Inject AdminConfig config;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ServiceCheck check() {
    try {
      return up(roundTrip().run());
    } catch (MqttProbeException e) {
      return down(e);
    } catch (RuntimeException e) {
      return unreachable(e);
    }
  }

  private MqttRoundTrip roundTrip() {
    boolean authenticated = config.mqttAuthenticated();
    return new MqttRoundTrip(
        new RoundTripSettings(
            config.mqttUrl().toString(),
            authenticated ? config.mqttUser() : null,
            authenticated ? config.mqttPassword() : null,
            TIMEOUT,
            TIMEOUT),
        RoundTripScope.ADMIN_PROBE,
        Clock.systemUTC());
  }

  private ServiceCheck up(MqttRoundTrip.Result result) {
    long millis = TimeUnit.NANOSECONDS.toMillis(result.latencyNanos());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("url", config.mqttUrl().toString());
    facts.put("round trip", millis + " ms (QoS 1)");
    facts.put("broker", result.brokerVersion().orElseGet(MqttProbe::noVersion));
    return ServiceCheck.up(
        NAME, "publish/subscribe round trip in " + millis + " ms", millis, facts);
  }

  /** The round trip keeps the interrupt flag when it cut the wait for the version short. */
  private static String noVersion() {
    return Thread.currentThread().isInterrupted()
        ? "unknown"
        : "does not publish " + MqttRoundTrip.VERSION_TOPIC;
  }

  private ServiceCheck down(MqttProbeException e) {
    return switch (e.failure()) {
      case NOT_RETURNED ->
          ServiceCheck.down(
              NAME,
              "connected, but the test message did not come back within "
                  + TIMEOUT.toMillis()
                  + " ms: check the broker's ACLs and queue limits");
      case INTERRUPTED -> ServiceCheck.down(NAME, "interrupted while probing the broker");
      case UNREACHABLE, ALTERED -> unreachable(e);
    };
  }

  private ServiceCheck unreachable(RuntimeException e) {
    return ServiceCheck.down(
        NAME,
        "cannot reach the broker at "
            + config.mqttUrl()
            + " (VORLAUF_MQTT_URL): "
            + Failures.describe(e));
  }
}
