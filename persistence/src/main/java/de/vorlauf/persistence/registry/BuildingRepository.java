package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Buildings of the registry. Works in the caller's transaction on the {@link EntityManager} it is
 * given (in the WAR the container's, joined to JTA; in tests a resource-local one).
 */
public class BuildingRepository {

  private final EntityManager em;

  public BuildingRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<BuildingRegistration> find(String id) {
    return Optional.ofNullable(em.find(BuildingRegistration.class, id));
  }

  /** Inserts at once, so that a taken id or a refused value fails here rather than at commit. */
  public void add(BuildingRegistration building) {
    em.persist(building);
    em.flush();
  }

  /** Writes the changes of loaded buildings now, for the same reason as {@link #add}. */
  public void flush() {
    em.flush();
  }

  /** Matching buildings ordered by id. */
  public Page<BuildingRegistration> list(BuildingFilter filter, PageRequest page) {
    return new RegistryQuery()
        .contains("(lower(b.id) like :text or lower(b.name) like :text)", filter.text())
        .and("b.active = :active", "active", filter.active())
        .page(
            em,
            BuildingRegistration.class,
            "select b from BuildingRegistration b",
            "select count(b) from BuildingRegistration b",
            "order by b.id",
            page);
  }
}
