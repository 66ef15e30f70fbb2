package de.vorlauf.persistence.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One secret of a gateway ({@code gateway_credentials}, V30), with the same rules as {@link
 * DeviceCredential}: stored only as hashes, valid while not revoked and not past {@code expiresAt},
 * and a rotation lets the old one run out after an overlap. A separate table rather than a shared
 * one keeps the device credentials (and the bearer lookup of REST ingestion, which gateways do not
 * use) exactly as they were.
 */
@Entity(name = "GatewayCredential")
@Table(name = "gateway_credentials")
public class GatewayCredential {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

  @Column(name = "gateway_id", nullable = false, updatable = false)
  private String gatewayId;

  @Column(name = "token_hint", nullable = false, updatable = false)
  private String tokenHint;

  @Column(name = "token_sha256", nullable = false, updatable = false)
  private byte[] tokenSha256;

  @Column(name = "mosquitto_hash", nullable = false, updatable = false)
  private String mosquittoHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  protected GatewayCredential() {}

  /** A new credential for {@code token}; only its hashes are kept. */
  public GatewayCredential(String gatewayId, DeviceToken token, String createdBy, Instant now) {
    this.gatewayId = Objects.requireNonNull(gatewayId, "gatewayId");
    this.tokenHint = token.hint();
    this.tokenSha256 = token.sha256();
    this.mosquittoHash = MosquittoPasswordHash.hash(token.value());
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(now, "now");
  }

  public boolean validAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** Ends validity at once. */
  public void revoke(String by, Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedBy = by;
    }
  }

  /** Ends validity at {@code at} (a rotation's overlap), unless it ends earlier already. */
  public void expireAt(Instant at) {
    if (expiresAt == null || at.isBefore(expiresAt)) {
      expiresAt = at;
    }
  }

  public Long getId() {
    return id;
  }

  public String getGatewayId() {
    return gatewayId;
  }

  public String getTokenHint() {
    return tokenHint;
  }

  public String getMosquittoHash() {
    return mosquittoHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }
}
