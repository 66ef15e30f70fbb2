package de.vorlauf.simulator.mqtt;

import java.util.List;
import java.util.Objects;

/**
 * One connection and the devices it speaks for: a device's own connection (one device, its own
 * login) or a gateway's (its login, many devices, each of which the broker's ACL must allow it).
 */
public record ConnectionPlan(MqttLogin login, List<String> deviceIds) {

  public ConnectionPlan {
    Objects.requireNonNull(login, "login");
    deviceIds = List.copyOf(deviceIds);
    if (deviceIds.isEmpty()) {
      throw new IllegalArgumentException("connection " + login.user() + " serves no device");
    }
  }
}
