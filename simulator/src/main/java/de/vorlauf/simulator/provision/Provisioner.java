package de.vorlauf.simulator.provision;

/**
 * Creates the simulated fleet in Vorlauf's registry. Every method is idempotent: what exists is
 * left as it is (a device whose building or gateway differs is corrected), so a restarted simulator
 * provisions the same fleet again without harm. The simulator uses {@link RestProvisioner}; tests
 * without WildFly write the registry directly through their own implementation.
 */
public interface Provisioner extends AutoCloseable {

  void ensureBuilding(BuildingDefinition building);

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
