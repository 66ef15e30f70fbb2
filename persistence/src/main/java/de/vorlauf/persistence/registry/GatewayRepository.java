package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.util.Optional;

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

  /** Matching gateways ordered by id. */
  public Page<GatewayRegistration> list(GatewayFilter filter, PageRequest page) {
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
            "order by g.id",
            page);
  }
}
