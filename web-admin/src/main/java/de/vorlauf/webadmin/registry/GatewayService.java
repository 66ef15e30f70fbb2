package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceRegistration;
import de.vorlauf.persistence.registry.GatewayRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gateways of the registry: MQTT logins that publish for the devices assigned to them. A gateway's
 * id is its MQTT user name and shares one namespace with device ids, so an id taken by a device is
 * refused (the database enforces the same, also under races). Deactivating a gateway takes away its
 * broker login and ACL at the next broker sync; its devices stay assigned and keep their own
 * logins.
 */
@ApplicationScoped
public class GatewayService {

  static final String KIND = "gateway";

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public GatewayRegistration create(String id, String description) {
    if (em.find(GatewayRegistration.class, id) != null) {
      throw duplicate(id);
    }
    if (em.find(DeviceRegistration.class, id) != null) {
      throw takenByDevice(id);
    }
    GatewayRegistration gateway = new GatewayRegistration(id, description, clock.instant());
    try {
      em.persist(gateway);
      em.flush();
    } catch (PersistenceException e) {
      throw translate(e, id);
    }
    return gateway;
  }

  @Transactional
  public GatewayRegistration get(String id) {
    return find(id);
  }

  @Transactional
  public GatewayRegistration update(String id, String description) {
    GatewayRegistration gateway = find(id);
    gateway.update(description, clock.instant());
    return gateway;
  }

  @Transactional
  public GatewayRegistration setActive(String id, boolean active) {
    GatewayRegistration gateway = find(id);
    gateway.setActive(active, clock.instant());
    return gateway;
  }

  /** The columns a gateway list can be sorted by. */
  public static final java.util.Map<String, String> SORTS = java.util.Map.of("id", "g.id");

  @Transactional
  public Page<GatewayRegistration> list(GatewayFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.of(null, null, SORTS, "id"));
  }

  @Transactional
  public Page<GatewayRegistration> list(GatewayFilter filter, PageRequest page, RegistrySort sort) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(
          " and (lower(g.id) like :text or lower(coalesce(g.description, '')) like :text)");
      params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
    }
    if (filter.active() != null) {
      where.append(" and g.active = :active");
      params.put("active", filter.active());
    }
    TypedQuery<GatewayRegistration> query =
        em.createQuery(
            "select g from GatewayRegistration g" + where + sort.orderBy("g.id"),
            GatewayRegistration.class);
    TypedQuery<Long> count =
        em.createQuery("select count(g) from GatewayRegistration g" + where, Long.class);
    params.forEach(
        (name, value) -> {
          query.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<GatewayRegistration> items =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  GatewayRegistration find(String id) {
    GatewayRegistration gateway = em.find(GatewayRegistration.class, id);
    if (gateway == null) {
      throw new UnknownEntityException(KIND, id);
    }
    return gateway;
  }

  private static ConflictException duplicate(String id) {
    return new ConflictException(
        "Gateway exists", "a gateway with id '" + id + "' exists already; choose another id");
  }

  static ConflictException takenByDevice(String id) {
    return new ConflictException(
        "Name taken by a device",
        "'"
            + id
            + "' is the id of a device; devices and gateways share one namespace of MQTT user"
            + " names, choose another id");
  }

  private static RuntimeException translate(PersistenceException e, String id) {
    if (DatabaseErrors.is(e, DatabaseErrors.UNIQUE_VIOLATION)) {
      // a device or gateway of this id committed between the checks above and the insert
      return new ConflictException("Name taken", DatabaseErrors.message(e));
    }
    if (DatabaseErrors.is(e, DatabaseErrors.CHECK_VIOLATION)) {
      return new InvalidInputException(DatabaseErrors.message(e));
    }
    return e;
  }
}
