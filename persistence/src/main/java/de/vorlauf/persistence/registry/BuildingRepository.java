package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /** The columns a list of buildings can be sorted by, and their JPQL. */
  private static final Map<String, String> SORTS = Map.of("id", "b.id", "name", "lower(b.name)");

  /** The codes of {@link #list}'s sort columns. */
  public static Set<String> sortColumns() {
    return SORTS.keySet();
  }

  /** Matching buildings ordered by id. */
  public Page<BuildingRegistration> list(BuildingFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  /** Matching buildings in the given order. */
  public Page<BuildingRegistration> list(
      BuildingFilter filter, PageRequest page, RegistrySort sort) {
    return new RegistryQuery()
        .contains("(lower(b.id) like :text or lower(b.name) like :text)", filter.text())
        .and("b.active = :active", "active", filter.active())
        .page(
            em,
            BuildingRegistration.class,
            "select b from BuildingRegistration b",
            "select count(b) from BuildingRegistration b",
            sort.orderBy(SORTS, "b.id"),
            page);
  }
}
