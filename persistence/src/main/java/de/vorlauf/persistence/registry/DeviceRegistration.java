package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
public class DeviceRegistration extends RegistryEntry {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "building_id", nullable = false)
  private BuildingRegistration building;

  @Column(name = "description")
  private String description;

  /** The gateway that may publish for this device (V30); null: only the device's own login. */
  @Column(name = "gateway_id")
  private String gatewayId;

  /** The device's latest self-report (firmware, signal), null before its first one. */
  @OneToOne(fetch = FetchType.LAZY, optional = true)
  @PrimaryKeyJoinColumn
  private DeviceReport report;

  protected DeviceRegistration() {}

  public DeviceRegistration(
      String id, BuildingRegistration building, String description, Instant now) {
    super(id, now);
    this.building = Objects.requireNonNull(building, "building");
    this.description = description;
  }

  public void update(BuildingRegistration building, String description, Instant now) {
    this.building = Objects.requireNonNull(building, "building");
    this.description = description;
    touch(now);
  }

  /** Assigns the device to a gateway, or to none with null; the caller checks the gateway. */
  public void assignGateway(String gatewayId, Instant now) {
    this.gatewayId = gatewayId;
    touch(now);
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

  /** What the device last reported about itself; null when it never did. */
  public DeviceReport getReport() {
    return report;
  }
}
