package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gateways of the registry, in the caller's transaction (see {@link BuildingRepository}). */
public class GatewayRepository {

  private final EntityManager em;

  public GatewayRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<GatewayRegistration> find(String id) {
    return Optional.ofNullable(em.find(GatewayRegistration.class, id));
  }

  /** Inserts at once: a taken id (also one taken by a device) fails here, not at commit. */
  public void add(GatewayRegistration gateway) {
    em.persist(gateway);
    em.flush();
  }

  /** The columns a list of gateways can be sorted by, and their JPQL. */
  private static final Map<String, String> SORTS = Map.of("id", "g.id");

  /** The codes of {@link #list}'s sort columns. */
  public static Set<String> sortColumns() {
    return SORTS.keySet();
  }

  /** Matching gateways ordered by id. */
  public Page<GatewayRegistration> list(GatewayFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  /** Matching gateways in the given order. */
  public Page<GatewayRegistration> list(GatewayFilter filter, PageRequest page, RegistrySort sort) {
    return new RegistryQuery()
        .contains(
            "(lower(g.id) like :text or lower(coalesce(g.description, '')) like :text)",
            filter.text())
        .and("g.active = :active", "active", filter.active())
        .page(
            em,
            GatewayRegistration.class,
            "select g from GatewayRegistration g",
            "select count(g) from GatewayRegistration g",
            sort.orderBy(SORTS, "g.id"),
            page);
  }
}
