package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A gateway in the registry ({@code gateways}, V30): one MQTT login that publishes for the devices
 * assigned to it ({@code devices.gateway_id}), so a large fleet needs few broker connections. Its
 * id is its MQTT user name and shares one namespace with device ids (the database refuses a gateway
 * named like a device and vice versa). A deactivated gateway keeps its devices but loses its broker
 * login and ACL; the devices' own logins are unaffected.
 */
@Entity(name = "GatewayRegistration")
@Table(name = "gateways")
public class GatewayRegistration extends RegistryEntry {

  @Column(name = "description")
  private String description;

  protected GatewayRegistration() {}

  public GatewayRegistration(String id, String description, Instant now) {
    super(id, now);
    this.description = description;
  }

  public void update(String description, Instant now) {
    this.description = description;
    touch(now);
  }

  public String getDescription() {
    return description;
  }
}
