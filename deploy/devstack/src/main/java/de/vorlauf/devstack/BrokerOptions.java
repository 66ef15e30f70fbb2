package de.vorlauf.devstack;

import java.nio.file.Path;

/**
 * How to get an MQTT broker: use {@code externalUrl} when set; otherwise start one on {@code port}
 * with its files under {@code dir} (mosquitto/ or hivemq/) and its log in {@code logDir}.
 */
public record BrokerOptions(
    Path dir, int port, String externalUrl, BrokerKind preferred, Path logDir) {

  /** Files and logs under {@code dir}, as in a state folder. */
  public BrokerOptions(Path dir, int port, String externalUrl, BrokerKind preferred) {
    this(dir, port, externalUrl, preferred, dir.resolve("logs"));
  }

  public static BrokerOptions forTest(Path dir, BrokerKind preferred) {
    return new BrokerOptions(dir, FreePorts.find(), null, preferred);
  }

  public static BrokerOptions of(
      StateDir state, int port, String externalUrl, BrokerKind preferred) {
    return new BrokerOptions(state.root(), port, externalUrl, preferred, state.logs());
  }
}
