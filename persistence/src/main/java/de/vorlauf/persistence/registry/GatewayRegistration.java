package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A gateway in the registry ({@code gateways}, V30): one MQTT login that publishes for the devices
 * assigned to it ({@code devices.gateway_id}), so a large fleet needs few broker connections. Its
 * id is its MQTT user name and shares one namespace with device ids (the database refuses a gateway
 * named like a device and vice versa). A deactivated gateway keeps its devices but loses its broker
 * login and ACL; the devices' own logins are unaffected.
 */
@Entity(name = "GatewayRegistration")
@Table(name = "gateways")
public class GatewayRegistration {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private String id;

  @Column(name = "description")
  private String description;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected GatewayRegistration() {}

  public GatewayRegistration(String id, String description, Instant now) {
    this.id = Objects.requireNonNull(id, "id");
    this.description = description;
    this.active = true;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  public void update(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  public void setActive(boolean active, Instant now) {
    this.active = active;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getDescription() {
    return description;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
