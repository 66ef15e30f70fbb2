package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Buildings of the registry. Deactivating a building deactivates its devices as well (a device of
 * an inactive building must not feed it); reactivating it leaves the devices to be reactivated one
 * by one, on purpose.
 */
@ApplicationScoped
public class BuildingService {

  static final String KIND = "building";

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public BuildingRegistration create(String id, BuildingSettings settings) {
    if (em.find(BuildingRegistration.class, id) != null) {
      throw duplicate(id);
    }
    BuildingRegistration building = new BuildingRegistration(id, settings, now());
    try {
      em.persist(building);
      em.flush();
    } catch (PersistenceException e) {
      throw translate(e, id);
    }
    return building;
  }

  @Transactional
  public BuildingRegistration get(String id) {
    return find(id);
  }

  @Transactional
  public BuildingRegistration update(String id, BuildingSettings settings) {
    BuildingRegistration building = find(id);
    building.apply(settings, now());
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw translate(e, id);
    }
    return building;
  }

  /**
   * @return devices deactivated along with the building (0 when reactivating)
   */
  @Transactional
  public int setActive(String id, boolean active) {
    BuildingRegistration building = find(id);
    Instant now = now();
    building.setActive(active, now);
    if (active) {
      return 0;
    }
    return em.createQuery(
            "update DeviceRegistration d set d.active = false, d.updatedAt = :now"
                + " where d.building.id = :id and d.active = true")
        .setParameter("now", now)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** The columns a building list can be sorted by. */
  public static final java.util.Map<String, String> SORTS =
      java.util.Map.of("id", "b.id", "name", "lower(b.name)");

  @Transactional
  public Page<BuildingRegistration> list(BuildingFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.of(null, null, SORTS, "id"));
  }

  @Transactional
  public Page<BuildingRegistration> list(
      BuildingFilter filter, PageRequest page, RegistrySort sort) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(" and (lower(b.id) like :text or lower(b.name) like :text)");
      params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
    }
    if (filter.active() != null) {
      where.append(" and b.active = :active");
      params.put("active", filter.active());
    }
    TypedQuery<BuildingRegistration> query =
        em.createQuery(
            "select b from BuildingRegistration b" + where + sort.orderBy("b.id"),
            BuildingRegistration.class);
    TypedQuery<Long> count =
        em.createQuery("select count(b) from BuildingRegistration b" + where, Long.class);
    params.forEach(
        (name, value) -> {
          query.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<BuildingRegistration> items =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  BuildingRegistration find(String id) {
    BuildingRegistration building = em.find(BuildingRegistration.class, id);
    if (building == null) {
      throw new UnknownEntityException(KIND, id);
    }
    return building;
  }

  private static ConflictException duplicate(String id) {
    return new ConflictException(
        "Building exists", "a building with id '" + id + "' exists already; choose another id");
  }

  private static RuntimeException translate(PersistenceException e, String id) {
    if (DatabaseErrors.is(e, DatabaseErrors.UNIQUE_VIOLATION)) {
      return duplicate(id);
    }
    if (DatabaseErrors.is(e, DatabaseErrors.CHECK_VIOLATION)) {
      return new InvalidInputException(DatabaseErrors.message(e));
    }
    return e;
  }

  private Instant now() {
    return clock.instant();
  }
}
