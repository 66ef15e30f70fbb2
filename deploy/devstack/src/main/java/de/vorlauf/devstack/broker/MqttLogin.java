package de.vorlauf.devstack.broker;

import java.util.Objects;

/**
 * A user name and password for the MQTT broker; the password never appears in toString.
 *
 * <p>The same concept as the simulator's {@code de.vorlauf.simulator.mqtt.MqttLogin} (what a client
 * presents in CONNECT); kept twice because the simulator depends on nothing but {@code domain}.
 * Here the password is required: these are the platform's service accounts.
 */
public record MqttLogin(String user, String password) {

  public MqttLogin {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "MqttLogin[" + user + "]";
  }
}
