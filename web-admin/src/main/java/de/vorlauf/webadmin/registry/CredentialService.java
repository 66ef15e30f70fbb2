package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.UnknownEntityException;
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
import java.util.Optional;

/**
 * Issues, rotates and revokes the credentials of devices and gateways (one set of rules, the {@link
 * CredentialOwner} says whose), and finds the device of a bearer token.
 *
 * <p>Rotation issues a new credential and lets the old ones run out after an overlap (default
 * {@code VORLAUF_CREDENTIAL_ROTATION_OVERLAP}, PT1H; per call {@code overlap}), so a fleet can pick
 * up its new secrets without losing a message; an overlap of zero revokes them at once, for a
 * leaked secret. Revocation is always immediate: no cache stands between a revoke and the next
 * request. A gateway logs in to MQTT only (user name = gateway id); REST ingestion takes device
 * tokens, not gateway ones.
 */
@ApplicationScoped
public class CredentialService {

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  @Inject IngestConfig config;
  @Inject DeviceService devices;
  @Inject GatewayService gateways;

  private final Clock clock = Clock.systemUTC();

  /** The first credential of an owner (or the next after all were revoked). */
  @Transactional
  public IssuedCredential issue(CredentialOwner owner, String ownerId, String by) {
    requireOwner(owner, ownerId);
    Instant now = clock.instant();
    if (!valid(owner, ownerId, now).isEmpty()) {
      throw new ConflictException(
          owner.title + " has a credential",
          owner.noun + " '" + ownerId + "' has a valid credential already; rotate or revoke it");
    }
    return create(owner, ownerId, by, now);
  }

  /**
   * A new credential; the valid old ones stay valid for {@code overlap} (null: the configured
   * default, zero: revoked now).
   */
  @Transactional
  public IssuedCredential rotate(
      CredentialOwner owner, String ownerId, Duration overlap, String by) {
    requireOwner(owner, ownerId);
    Duration keep = overlap == null ? config.rotationOverlap() : overlap;
    if (keep.isNegative()) {
      throw new InvalidInputException("overlap must not be negative");
    }
    Instant now = clock.instant();
    for (Credential old : valid(owner, ownerId, now)) {
      if (keep.isZero()) {
        old.revoke(by, now);
      } else {
        old.expireAt(now.plus(keep));
      }
    }
    return create(owner, ownerId, by, now);
  }

  /** Revokes every valid credential of the owner now; returns how many. */
  @Transactional
  public int revokeAll(CredentialOwner owner, String ownerId, String by) {
    requireOwner(owner, ownerId);
    Instant now = clock.instant();
    List<? extends Credential> valid = valid(owner, ownerId, now);
    valid.forEach(c -> c.revoke(by, now));
    return valid.size();
  }

  @Transactional
  public Credential revoke(CredentialOwner owner, String ownerId, long credentialId, String by) {
    Credential credential = em.find(owner.type, credentialId);
    if (credential == null || !credential.getOwnerId().equals(ownerId)) {
      throw new UnknownEntityException("credential", ownerId + "/" + credentialId);
    }
    credential.revoke(by, clock.instant());
    return credential;
  }

  @Transactional
  public List<? extends Credential> list(CredentialOwner owner, String ownerId) {
    requireOwner(owner, ownerId);
    // entity and attribute names are constants of the enum, never input
    return em.createQuery(
            "select c from "
                + owner.entity
                + " c where c."
                + owner.ownerAttribute
                + " = :owner"
                + " order by c.id desc",
            owner.type)
        .setParameter("owner", ownerId)
        .getResultList();
  }

  /** The device a bearer token belongs to, if the token is valid now. */
  @Transactional
  public Optional<String> deviceOf(String token) {
    if (!DeviceToken.wellFormed(token)) {
      return Optional.empty();
    }
    return em.createQuery(
            "select c.deviceId from DeviceCredential c where c.tokenSha256 = :hash"
                + " and c.revokedAt is null and (c.expiresAt is null or c.expiresAt > :now)",
            String.class)
        .setParameter("hash", DeviceToken.sha256(token))
        .setParameter("now", clock.instant())
        .getResultStream()
        .findFirst();
  }

  private void requireOwner(CredentialOwner owner, String ownerId) {
    switch (owner) {
      case DEVICE -> devices.find(ownerId);
      case GATEWAY -> gateways.find(ownerId);
    }
  }

  private IssuedCredential create(CredentialOwner owner, String ownerId, String by, Instant now) {
    DeviceToken token = DeviceToken.generate();
    Credential credential = owner.newCredential(ownerId, token, by, now);
    em.persist(credential);
    em.flush();
    return new IssuedCredential(credential, token);
  }

  private List<? extends Credential> valid(CredentialOwner owner, String ownerId, Instant now) {
    return em.createQuery(
            "select c from "
                + owner.entity
                + " c where c."
                + owner.ownerAttribute
                + " = :owner"
                + " and c.revokedAt is null and (c.expiresAt is null or c.expiresAt > :now)",
            owner.type)
        .setParameter("owner", ownerId)
        .setParameter("now", now)
        .getResultList();
  }
}
