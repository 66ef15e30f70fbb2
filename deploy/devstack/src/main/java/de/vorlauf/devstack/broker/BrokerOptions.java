package de.vorlauf.devstack.broker;

import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import java.nio.file.Path;
import java.util.List;

/**
 * How to get an MQTT broker: use {@code externalUrl} when set; otherwise start one on {@code port}
 * with its files under {@code dir} (mosquitto/ or hivemq/) and its log in {@code logDir}.
 *
 * @param serviceLogins empty: anonymous access (tests); otherwise a Mosquitto we start refuses
 *     anonymous clients and lets in these logins plus the devices the worker exports from the
 *     registry; so does the embedded HiveMQ, from the same files
 */
public record BrokerOptions(
    Path dir,
    int port,
    String externalUrl,
    BrokerKind preferred,
    Path logDir,
    List<MqttLogin> serviceLogins) {

  public BrokerOptions {
    serviceLogins = serviceLogins == null ? List.of() : List.copyOf(serviceLogins);
  }

  public BrokerOptions(Path dir, int port, String externalUrl, BrokerKind preferred, Path logDir) {
    this(dir, port, externalUrl, preferred, logDir, List.of());
  }

  /** Files and logs under {@code dir}, as in a state folder. */
  public BrokerOptions(Path dir, int port, String externalUrl, BrokerKind preferred) {
    this(dir, port, externalUrl, preferred, dir.resolve("logs"));
  }

  /** Anonymous access, like every test that does not ask for logins. */
  public static BrokerOptions forTest(Path dir, BrokerKind preferred) {
    return new BrokerOptions(dir, FreePorts.find(), null, preferred);
  }

  public static BrokerOptions of(
      StateDir state, int port, String externalUrl, BrokerKind preferred) {
    return new BrokerOptions(state.root(), port, externalUrl, preferred, state.logs());
  }

  /** The same broker, requiring authentication: these logins, then what the registry allows. */
  public BrokerOptions withServiceLogins(List<MqttLogin> logins) {
    return new BrokerOptions(dir, port, externalUrl, preferred, logDir, logins);
  }

  public boolean authenticated() {
    return !serviceLogins.isEmpty();
  }
}
