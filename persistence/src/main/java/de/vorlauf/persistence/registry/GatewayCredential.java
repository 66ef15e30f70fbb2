package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Credential} of a gateway ({@code gateway_credentials}, V30). A separate table rather
 * than a shared one keeps the device credentials (and the bearer lookup of REST ingestion, which
 * gateways do not use) exactly as they were.
 */
@Entity(name = "GatewayCredential")
@Table(name = "gateway_credentials")
public class GatewayCredential extends Credential {

  @Column(name = "gateway_id", nullable = false, updatable = false)
  private String gatewayId;

  protected GatewayCredential() {}

  public GatewayCredential(String gatewayId, DeviceToken token, String createdBy, Instant now) {
    super(token, createdBy, now);
    this.gatewayId = Objects.requireNonNull(gatewayId, "gatewayId");
  }

  @Override
  public String getOwnerId() {
    return gatewayId;
  }

  public String getGatewayId() {
    return gatewayId;
  }
}
