package de.vorlauf.persistence.registry;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Objects;

/**
 * One secret of a device or gateway, stored only as hashes (see {@link DeviceToken} and {@link
 * MosquittoPasswordHash}). Valid while not revoked and not past {@code expiresAt}; a rotation sets
 * {@code expiresAt} on the old credential so its owner can switch over without a gap.
 *
 * <p>The rules live here once; {@link DeviceCredential} and {@link GatewayCredential} add only
 * their owner column, each in its own table.
 */
@MappedSuperclass
public abstract class Credential {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

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

  protected Credential() {}

  /** A new credential for {@code token}; only its hashes are kept. */
  protected Credential(DeviceToken token, String createdBy, Instant now) {
    this.tokenHint = token.hint();
    this.tokenSha256 = token.sha256();
    this.mosquittoHash = MosquittoPasswordHash.hash(token.value());
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(now, "now");
  }

  /** The id of the device or gateway this credential belongs to. */
  public abstract String getOwnerId();

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
