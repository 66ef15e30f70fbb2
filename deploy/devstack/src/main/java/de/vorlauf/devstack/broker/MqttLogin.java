package de.vorlauf.devstack.broker;

import java.util.Objects;

/** A user name and password for the MQTT broker; the password never appears in toString. */
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
