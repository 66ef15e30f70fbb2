package de.vorlauf.persistence.brokeraccess;

import java.util.List;
import java.util.Objects;

/**
 * One gateway's MQTT login and the devices it may speak for: its id is the user name, the hash is
 * the token it currently has to present (chosen as for devices, see {@link DeviceAccessStore}), and
 * {@code deviceIds} are the active devices assigned to it, sorted.
 */
public record GatewayAccess(String gatewayId, String passwordHash, List<String> deviceIds) {

  public GatewayAccess {
    Objects.requireNonNull(gatewayId, "gatewayId");
    Objects.requireNonNull(passwordHash, "passwordHash");
    deviceIds = List.copyOf(deviceIds);
  }

  public GatewayAccess withDevices(List<String> devices) {
    return new GatewayAccess(gatewayId, passwordHash, devices);
  }

  @Override
  public String toString() {
    return "GatewayAccess[" + gatewayId + ", " + deviceIds.size() + " devices]";
  }
}
