package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceCredential;
import de.vorlauf.persistence.registry.DeviceToken;
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
 * Issues, rotates and revokes device credentials, and finds the device of a bearer token.
 *
 * <p>Rotation issues a new credential and lets the old ones run out after an overlap (default
 * {@code VORLAUF_CREDENTIAL_ROTATION_OVERLAP}, PT1H; per call {@code overlap}), so a fleet can pick
 * up its new secrets without losing a message; an overlap of zero revokes them at once, for a
 * leaked secret. Revocation is always immediate: no cache stands between a revoke and the next
 * request.
 */
@ApplicationScoped
public class CredentialService {

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  @Inject IngestConfig config;
  @Inject DeviceService devices;

  private final Clock clock = Clock.systemUTC();

  /** The first credential of a device (or the next after all were revoked). */
  @Transactional
  public IssuedCredential issue(String deviceId, String by) {
    devices.find(deviceId);
    Instant now = clock.instant();
    if (!valid(deviceId, now).isEmpty()) {
      throw new ConflictException(
          "Device has a credential",
          "device '" + deviceId + "' has a valid credential already; rotate or revoke it");
    }
    return create(deviceId, by, now);
  }

  /**
   * A new credential; the valid old ones stay valid for {@code overlap} (null: the configured
   * default, zero: revoked now).
   */
  @Transactional
  public IssuedCredential rotate(String deviceId, Duration overlap, String by) {
    devices.find(deviceId);
    Duration keep = overlap == null ? config.rotationOverlap() : overlap;
    if (keep.isNegative()) {
      throw new InvalidInputException("overlap must not be negative");
    }
    Instant now = clock.instant();
    for (DeviceCredential old : valid(deviceId, now)) {
      if (keep.isZero()) {
        old.revoke(by, now);
      } else {
        old.expireAt(now.plus(keep));
      }
    }
    return create(deviceId, by, now);
  }

  /** Revokes every valid credential of the device now; returns how many. */
  @Transactional
  public int revokeAll(String deviceId, String by) {
    devices.find(deviceId);
    Instant now = clock.instant();
    List<DeviceCredential> valid = valid(deviceId, now);
    valid.forEach(c -> c.revoke(by, now));
    return valid.size();
  }

  @Transactional
  public DeviceCredential revoke(String deviceId, long credentialId, String by) {
    DeviceCredential credential = em.find(DeviceCredential.class, credentialId);
    if (credential == null || !credential.getDeviceId().equals(deviceId)) {
      throw new UnknownEntityException("credential", deviceId + "/" + credentialId);
    }
    credential.revoke(by, clock.instant());
    return credential;
  }

  @Transactional
  public List<DeviceCredential> list(String deviceId) {
    devices.find(deviceId);
    return em.createQuery(
            "select c from DeviceCredential c where c.deviceId = :device order by c.id desc",
            DeviceCredential.class)
        .setParameter("device", deviceId)
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

  private IssuedCredential create(String deviceId, String by, Instant now) {
    DeviceToken token = DeviceToken.generate();
    DeviceCredential credential = new DeviceCredential(deviceId, token, by, now);
    em.persist(credential);
    em.flush();
    return new IssuedCredential(credential, token);
  }

  private List<DeviceCredential> valid(String deviceId, Instant now) {
    return em.createQuery(
            "select c from DeviceCredential c where c.deviceId = :device and c.revokedAt is null"
                + " and (c.expiresAt is null or c.expiresAt > :now)",
            DeviceCredential.class)
        .setParameter("device", deviceId)
        .setParameter("now", now)
        .getResultList();
  }
}
