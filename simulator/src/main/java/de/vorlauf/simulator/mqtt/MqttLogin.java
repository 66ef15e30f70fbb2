package de.vorlauf.simulator.mqtt;

import java.util.Objects;

/**
 * A broker login: a device id or gateway id and its token. The token never appears in toString.
 *
 * <p>The same concept as devstack's {@code de.vorlauf.devstack.broker.MqttLogin} (what a client
 * presents in CONNECT); kept twice because the simulator depends on nothing but {@code domain}.
 */
public record MqttLogin(String user, String password) {

  public MqttLogin {
    Objects.requireNonNull(user, "user");
  }

  /** No login: a broker that allows anonymous clients (tests). */
  public static MqttLogin anonymous(String clientName) {
    return new MqttLogin(clientName, null);
  }

  public boolean isAnonymous() {
    return password == null;
  }

  @Override
  public String toString() {
    return "MqttLogin[" + user + "]";
  }
}
