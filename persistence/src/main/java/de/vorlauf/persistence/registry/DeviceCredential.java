package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A {@link Credential} of a device ({@code device_credentials}); its token is also a bearer. */
@Entity(name = "DeviceCredential")
@Table(name = "device_credentials")
public class DeviceCredential extends Credential {

  @Column(name = "device_id", nullable = false, updatable = false)
  private String deviceId;

  protected DeviceCredential() {}

  public DeviceCredential(String deviceId, DeviceToken token, String createdBy, Instant now) {
    super(token, createdBy, now);
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
  }

  @Override
  public String getOwnerId() {
    return deviceId;
  }

  public String getDeviceId() {
    return deviceId;
  }
}
