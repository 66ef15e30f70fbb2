package de.vorlauf.persistence.brokeraccess;

import java.util.Objects;

/**
 * One device's MQTT login: its id is the user name, the hash is the {@code $7$} form of the token
 * it currently has to present ({@link DeviceAccessStore} chooses which one during a rotation).
 */
public record DeviceAccess(String deviceId, String passwordHash) {

  public DeviceAccess {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  @Override
  public String toString() {
    return "DeviceAccess[" + deviceId + "]";
  }
}
