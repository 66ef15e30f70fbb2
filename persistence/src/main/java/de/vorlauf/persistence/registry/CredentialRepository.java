package de.vorlauf.persistence.registry;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Credentials of devices and gateways (the {@link CredentialOwner} says whose), in the caller's
 * transaction (see {@link BuildingRepository}). Valid means: neither revoked nor expired.
 */
public class CredentialRepository {

  private final EntityManager em;

  public CredentialRepository(EntityManager em) {
    this.em = em;
  }

  /** The credential with this id, if it belongs to an owner of this kind. */
  public Optional<Credential> find(CredentialOwner owner, long id) {
    return Optional.<Credential>ofNullable(em.find(owner.type, id));
  }

  /** Inserts at once, so that the answer can carry the credential's id. */
  public void add(Credential credential) {
    em.persist(credential);
    em.flush();
  }

  /** Every credential of the owner, newest first. */
  public List<Credential> list(CredentialOwner owner, String ownerId) {
    return List.copyOf(
        em.createQuery(
                // entity and attribute names are constants of the enum, never input
                "select c from %s c where c.%s = :owner order by c.id desc"
                    .formatted(owner.entity, owner.ownerAttribute),
                owner.type)
            .setParameter("owner", ownerId)
            .getResultList());
  }

  /** The owner's credentials that are valid at {@code now}. */
  public List<Credential> validAt(CredentialOwner owner, String ownerId, Instant now) {
    return List.copyOf(
        em.createQuery(
                """
            select c from %s c where c.%s = :owner
            and c.revokedAt is null and (c.expiresAt is null or c.expiresAt > :now)
            """
                    .formatted(owner.entity, owner.ownerAttribute),
                owner.type)
            .setParameter("owner", ownerId)
            .setParameter("now", now)
            .getResultList());
  }

  /**
   * The device whose credential holds this token and is valid at {@code now}, looked up by the
   * token's SHA-256 (the only form stored).
   */
  public Optional<String> deviceWithToken(String token, Instant now) {
    return em.createQuery(
            """
            select c.deviceId from DeviceCredential c where c.tokenSha256 = :hash
            and c.revokedAt is null and (c.expiresAt is null or c.expiresAt > :now)
            """,
            String.class)
        .setParameter("hash", DeviceToken.sha256(token))
        .setParameter("now", now)
        .getResultStream()
        .findFirst();
  }
}
