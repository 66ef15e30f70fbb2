package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A gateway ("GreenBox") in the registry ({@code devices}, V1 + V10). Ingestion accepts readings
 * only from active devices; a deactivated device's messages are quarantined as {@code
 * inactive_device} and can be re-ingested after reactivation. Not to be confused with a {@link
 * GatewayRegistration}: an MQTT login that may publish for many such devices ({@link
 * #getGatewayId()}).
 */
@Entity(name = "DeviceRegistration")
@Table(name = "devices")
public class DeviceRegistration {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "building_id", nullable = false)
  private BuildingRegistration building;

  @Column(name = "description")
  private String description;

  /** The gateway that may publish for this device (V30); null: only the device's own login. */
  @Column(name = "gateway_id")
  private String gatewayId;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The device's latest self-report (firmware, signal), null before its first one. */
  @OneToOne(fetch = FetchType.LAZY, optional = true)
  @PrimaryKeyJoinColumn
  private DeviceReport report;

  protected DeviceRegistration() {}

  public DeviceRegistration(
      String id, BuildingRegistration building, String description, Instant now) {
    this.id = Objects.requireNonNull(id, "id");
    this.building = Objects.requireNonNull(building, "building");
    this.description = description;
    this.active = true;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  public void update(BuildingRegistration building, String description, Instant now) {
    this.building = Objects.requireNonNull(building, "building");
    this.description = description;
    this.updatedAt = now;
  }

  /** Assigns the device to a gateway, or to none with null; the caller checks the gateway. */
  public void assignGateway(String gatewayId, Instant now) {
    this.gatewayId = gatewayId;
    this.updatedAt = now;
  }

  public void setActive(boolean active, Instant now) {
    this.active = active;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public BuildingRegistration getBuilding() {
    return building;
  }

  public String getDescription() {
    return description;
  }

  public String getGatewayId() {
    return gatewayId;
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

  /** What the device last reported about itself; null when it never did. */
  public DeviceReport getReport() {
    return report;
  }
}
