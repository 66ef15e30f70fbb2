package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayCredential;
import de.vorlauf.webadmin.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Issues, rotates and revokes gateway credentials, with the rules of device credentials ({@link
 * CredentialService}): shown once, stored hashed, rotation with an overlap (default {@code
 * VORLAUF_CREDENTIAL_ROTATION_OVERLAP}), zero overlap or revoke for a leaked secret. A gateway logs
 * in to MQTT only (user name = gateway id); REST ingestion takes device tokens, not these.
 */
@ApplicationScoped
public class GatewayCredentialService {

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  @Inject IngestConfig config;
  @Inject GatewayService gateways;

  private final Clock clock = Clock.systemUTC();

  /** The first credential of a gateway (or the next after all were revoked). */
  @Transactional
  public IssuedGatewayCredential issue(String gatewayId, String by) {
    gateways.find(gatewayId);
    Instant now = clock.instant();
    if (!valid(gatewayId, now).isEmpty()) {
      throw new ConflictException(
          "Gateway has a credential",
          "gateway '" + gatewayId + "' has a valid credential already; rotate or revoke it");
    }
    return create(gatewayId, by, now);
  }

  /**
   * A new credential; the valid old ones stay valid for {@code overlap} (null: the configured
   * default, zero: revoked now).
   */
  @Transactional
  public IssuedGatewayCredential rotate(String gatewayId, Duration overlap, String by) {
    gateways.find(gatewayId);
    Duration keep = overlap == null ? config.rotationOverlap() : overlap;
    if (keep.isNegative()) {
      throw new InvalidInputException("overlap must not be negative");
    }
    Instant now = clock.instant();
    for (GatewayCredential old : valid(gatewayId, now)) {
      if (keep.isZero()) {
        old.revoke(by, now);
      } else {
        old.expireAt(now.plus(keep));
      }
    }
    return create(gatewayId, by, now);
  }

  /** Revokes every valid credential of the gateway now; returns how many. */
  @Transactional
  public int revokeAll(String gatewayId, String by) {
    gateways.find(gatewayId);
    Instant now = clock.instant();
    List<GatewayCredential> valid = valid(gatewayId, now);
    valid.forEach(c -> c.revoke(by, now));
    return valid.size();
  }

  @Transactional
  public GatewayCredential revoke(String gatewayId, long credentialId, String by) {
    GatewayCredential credential = em.find(GatewayCredential.class, credentialId);
    if (credential == null || !credential.getGatewayId().equals(gatewayId)) {
      throw new UnknownEntityException("credential", gatewayId + "/" + credentialId);
    }
    credential.revoke(by, clock.instant());
    return credential;
  }

  @Transactional
  public List<GatewayCredential> list(String gatewayId) {
    gateways.find(gatewayId);
    return em.createQuery(
            "select c from GatewayCredential c where c.gatewayId = :gateway order by c.id desc",
            GatewayCredential.class)
        .setParameter("gateway", gatewayId)
        .getResultList();
  }

  private IssuedGatewayCredential create(String gatewayId, String by, Instant now) {
    DeviceToken token = DeviceToken.generate();
    GatewayCredential credential = new GatewayCredential(gatewayId, token, by, now);
    em.persist(credential);
    em.flush();
    return new IssuedGatewayCredential(credential, token);
  }

  private List<GatewayCredential> valid(String gatewayId, Instant now) {
    return em.createQuery(
            "select c from GatewayCredential c where c.gatewayId = :gateway and c.revokedAt is null"
                + " and (c.expiresAt is null or c.expiresAt > :now)",
            GatewayCredential.class)
        .setParameter("gateway", gatewayId)
        .setParameter("now", now)
        .getResultList();
  }
}
