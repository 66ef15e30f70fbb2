package de.vorlauf.simulator.provision;

import java.util.Collection;
import java.util.List;

/**
 * Creates the simulated fleet in Vorlauf's registry and reads its buildings back. Every mutating
 * method is idempotent: what exists is left as it is (a device whose building or gateway differs is
 * corrected; a building keeps what the registry holds, because the registry decides what a building
 * runs), so a restarted simulator provisions the same fleet again without harm. The simulator uses
 * {@link RestProvisioner}; tests without WildFly write the registry directly through their own
 * implementation.
 */
public interface Provisioner extends AutoCloseable {

  /** Creates the building unless it exists; returns what the registry holds for it afterwards. */
  RegisteredBuilding ensureBuilding(BuildingDefinition building);

  /**
   * {@link #ensureBuilding} for every one of {@code buildings}, in their order. The default calls
   * it one by one; a provisioner that can write many rows at once (a test's JDBC one) overrides it.
   */
  default List<RegisteredBuilding> ensureBuildings(List<BuildingDefinition> buildings) {
    return buildings.stream().map(this::ensureBuilding).toList();
  }

  /** {@link #ensureDevice} for every one of {@code devices}; the default one by one. */
  default void ensureDevices(List<FleetProvisioning.Device> devices) {
    devices.forEach(d -> ensureDevice(d.id(), d.buildingId(), d.gatewayId(), d.description()));
  }

  /** What the registry holds now for those of {@code ids} it knows. */
  List<RegisteredBuilding> readBuildings(Collection<String> ids);

  void ensureGateway(String gatewayId, String description);

  /**
   * @param gatewayId null: the device connects itself
   */
  void ensureDevice(String deviceId, String buildingId, String gatewayId, String description);

  /** Whether {@code token} is a currently valid credential of the principal. */
  boolean credentialValid(Principal principal, String token);

  /**
   * Revokes the principal's credentials and issues a new one. Its token is shown only this once:
   * the caller stores it before doing anything else.
   */
  String issueCredential(Principal principal);

  @Override
  default void close() {}
}
