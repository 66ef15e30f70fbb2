package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import de.vorlauf.persistence.registry.CredentialOwner;
import de.vorlauf.persistence.registry.CredentialRepository;
import de.vorlauf.persistence.registry.DeviceRepository;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayRepository;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues, rotates and revokes the credentials of devices and gateways (one set of rules, the {@link
 * CredentialKind} says whose), and finds the device of a bearer token.
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

  static final String NOTICE =
      "Copy the token now: it is shown only this once and stored only as a hash.";

  @Inject CredentialRepository credentials;
  @Inject DeviceRepository devices;
  @Inject GatewayRepository gateways;
  @Inject IngestConfig config;

  private final Clock clock = Clock.systemUTC();

  /** The first credential of an owner (or the next after all were revoked). */
  @Transactional
  public <D, I> I issue(CredentialKind<D, I> kind, String ownerId, String by) {
    CredentialOwner owner = kind.owner;
    requireOwner(owner, ownerId);
    Instant now = clock.instant();
    if (!credentials.validAt(owner, ownerId, now).isEmpty()) {
      throw new ConflictException(
          owner.title() + " has a credential",
          owner.noun() + " '" + ownerId + "' has a valid credential already; rotate or revoke it");
    }
    return create(kind, ownerId, by, now);
  }

  /**
   * A new credential; the valid old ones stay valid for {@code overlap} (null: the configured
   * default, zero: revoked now).
   */
  @Transactional
  public <D, I> I rotate(CredentialKind<D, I> kind, String ownerId, Duration overlap, String by) {
    requireOwner(kind.owner, ownerId);
    Duration keep = overlap == null ? config.rotationOverlap() : overlap;
    if (keep.isNegative()) {
      throw new InvalidInputException("overlap must not be negative");
    }
    Instant now = clock.instant();
    for (Credential old : credentials.validAt(kind.owner, ownerId, now)) {
      if (keep.isZero()) {
        old.revoke(by, now);
      } else {
        old.expireAt(now.plus(keep));
      }
    }
    return create(kind, ownerId, by, now);
  }

  /** Revokes every valid credential of the owner now; returns how many. */
  @Transactional
  public int revokeAll(CredentialKind<?, ?> kind, String ownerId, String by) {
    requireOwner(kind.owner, ownerId);
    Instant now = clock.instant();
    List<Credential> valid = credentials.validAt(kind.owner, ownerId, now);
    valid.forEach(c -> c.revoke(by, now));
    return valid.size();
  }

  @Transactional
  public <D> D revoke(CredentialKind<D, ?> kind, String ownerId, long credentialId, String by) {
    Credential credential =
        credentials
            .find(kind.owner, credentialId)
            .filter(c -> c.getOwnerId().equals(ownerId))
            .orElseThrow(
                () -> new UnknownEntityException("credential", ownerId + "/" + credentialId));
    Instant now = clock.instant();
    credential.revoke(by, now);
    return kind.toDto.apply(credential, now);
  }

  /** The owner's credentials, newest first, without secrets. */
  @Transactional
  public <D> List<D> list(CredentialKind<D, ?> kind, String ownerId) {
    requireOwner(kind.owner, ownerId);
    Instant now = clock.instant();
    return credentials.list(kind.owner, ownerId).stream()
        .map(c -> kind.toDto.apply(c, now))
        .toList();
  }

  /** The device a bearer token belongs to, if the token is valid now. */
  @Transactional
  public Optional<String> deviceOf(String token) {
    if (!DeviceToken.wellFormed(token)) {
      return Optional.empty();
    }
    return credentials.deviceWithToken(token, clock.instant());
  }

  private void requireOwner(CredentialOwner owner, String ownerId) {
    boolean exists =
        switch (owner) {
          case DEVICE -> devices.find(ownerId).isPresent();
          case GATEWAY -> gateways.find(ownerId).isPresent();
        };
    if (!exists) {
      throw new UnknownEntityException(owner.noun(), ownerId);
    }
  }

  private <D, I> I create(CredentialKind<D, I> kind, String ownerId, String by, Instant now) {
    DeviceToken token = DeviceToken.generate();
    Credential credential = kind.owner.newCredential(ownerId, token, by, now);
    credentials.add(credential);
    return kind.issued.of(
        kind.toDto.apply(credential, now), token.value(), credential.getOwnerId(), NOTICE);
  }
}
