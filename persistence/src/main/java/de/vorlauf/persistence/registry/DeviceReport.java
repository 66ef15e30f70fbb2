package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a device last said about itself in a message's {@code metadata} ({@code device_metadata},
 * V63): firmware version and signal strength, with the arrival time of that message. Written by
 * ingestion (SQL in {@code DeviceStatusStore}), read-only here.
 */
@Entity(name = "DeviceReport")
@Table(name = "device_metadata")
public class DeviceReport {

  @Id
  @Column(name = "device_id", insertable = false, updatable = false)
  private String deviceId;

  @Column(name = "firmware_version", insertable = false, updatable = false)
  private String firmwareVersion;

  /** dBm as the device reports it; null when it did not say. */
  @Column(name = "signal_strength", insertable = false, updatable = false)
  private Integer signalStrength;

  @Column(name = "reported_at", insertable = false, updatable = false)
  private Instant reportedAt;

  protected DeviceReport() {}

  public String getDeviceId() {
    return deviceId;
  }

  public String getFirmwareVersion() {
    return firmwareVersion;
  }

  public Integer getSignalStrength() {
    return signalStrength;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }
}
