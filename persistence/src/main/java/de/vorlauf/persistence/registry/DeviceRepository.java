package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Devices of the registry, in the caller's transaction (see {@link BuildingRepository}). */
public class DeviceRepository {

  private final EntityManager em;

  public DeviceRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<DeviceRegistration> find(String id) {
    return Optional.ofNullable(em.find(DeviceRegistration.class, id));
  }

  /** Inserts at once: a taken id (also one taken by a gateway) fails here, not at commit. */
  public void add(DeviceRegistration device) {
    em.persist(device);
    em.flush();
  }

  /** The columns a list of devices can be sorted by, and their JPQL. */
  private static final Map<String, String> SORTS =
      Map.of("id", "d.id", "building", "d.building.id");

  /** The codes of {@link #list}'s sort columns. */
  public static Set<String> sortColumns() {
    return SORTS.keySet();
  }

  /** Matching devices with their buildings, ordered by id. */
  public Page<DeviceRegistration> list(DeviceFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  /** Matching devices in the given order. */
  public Page<DeviceRegistration> list(DeviceFilter filter, PageRequest page, RegistrySort sort) {
    return new RegistryQuery()
        .contains(
            "(lower(d.id) like :text or lower(coalesce(d.description, '')) like :text)",
            filter.text())
        .and("d.building.id = :building", "building", filter.buildingId())
        .and("d.gatewayId = :gateway", "gateway", filter.gatewayId())
        .and("d.active = :active", "active", filter.active())
        .page(
            em,
            DeviceRegistration.class,
            "select d from DeviceRegistration d join fetch d.building",
            "select count(d) from DeviceRegistration d",
            sort.orderBy(SORTS, "d.id"),
            page);
  }

  /**
   * Deactivates every active device of a building in one statement.
   *
   * @return how many devices were active
   */
  public int deactivateAllOf(String buildingId, Instant now) {
    return em.createQuery(
            """
            update DeviceRegistration d set d.active = false, d.updatedAt = :now
            where d.building.id = :building and d.active = true
            """)
        .setParameter("now", now)
        .setParameter("building", buildingId)
        .executeUpdate();
  }
}
