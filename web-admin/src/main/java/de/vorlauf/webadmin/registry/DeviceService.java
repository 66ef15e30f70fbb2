package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.BuildingRegistration;
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
 * Devices of the registry. A device joins only an active building. Deactivating a device also
 * revokes nothing: its credentials stay, but ingestion quarantines its messages as {@code
 * inactive_device} until it is reactivated (then they can be re-ingested).
 *
 * <p>A device may be assigned to a gateway, which may then publish for it (the broker ACL follows
 * at the next sync). Like a building, a newly named gateway must exist (else 400) and be active
 * (else 409); a device keeps an assignment to a gateway deactivated later.
 */
@ApplicationScoped
public class DeviceService {

  static final String KIND = "device";

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /**
   * @param gatewayId null: no gateway
   */
  @Transactional
  public DeviceRegistration create(
      String id, String buildingId, String description, String gatewayId) {
    if (em.find(DeviceRegistration.class, id) != null) {
      throw duplicate(id);
    }
    if (em.find(GatewayRegistration.class, id) != null) {
      throw new ConflictException(
          "Name taken by a gateway",
          "'"
              + id
              + "' is the id of a gateway; devices and gateways share one namespace of MQTT user"
              + " names, choose another id");
    }
    DeviceRegistration device =
        new DeviceRegistration(id, activeBuilding(buildingId), description, clock.instant());
    if (gatewayId != null) {
      device.assignGateway(activeGateway(gatewayId).getId(), clock.instant());
    }
    try {
      em.persist(device);
      em.flush();
    } catch (PersistenceException e) {
      if (DatabaseErrors.is(e, DatabaseErrors.UNIQUE_VIOLATION)) {
        // the trigger's message names a gateway that took the id meanwhile; else a device did
        String message = DatabaseErrors.message(e);
        throw message.contains("namespace")
            ? new ConflictException("Name taken by a gateway", message)
            : duplicate(id);
      }
      throw e;
    }
    return device;
  }

  @Transactional
  public DeviceRegistration get(String id) {
    return find(id);
  }

  /**
   * @param gatewayId null: no gateway
   */
  @Transactional
  public DeviceRegistration update(
      String id, String buildingId, String description, String gatewayId) {
    DeviceRegistration device = find(id);
    BuildingRegistration building =
        device.getBuilding().getId().equals(buildingId)
            ? device.getBuilding()
            : activeBuilding(buildingId);
    if (gatewayId != null && !gatewayId.equals(device.getGatewayId())) {
      activeGateway(gatewayId);
    }
    device.update(building, description, clock.instant());
    device.assignGateway(gatewayId, clock.instant());
    return device;
  }

  @Transactional
  public DeviceRegistration setActive(String id, boolean active) {
    DeviceRegistration device = find(id);
    if (active && !device.getBuilding().isActive()) {
      throw new ConflictException(
          "Building inactive",
          "device '"
              + id
              + "' belongs to the deactivated building '"
              + device.getBuilding().getId()
              + "'; reactivate the building first");
    }
    device.setActive(active, clock.instant());
    return device;
  }

  /** The columns a device list can be sorted by. */
  public static final java.util.Map<String, String> SORTS =
      java.util.Map.of("id", "d.id", "building", "d.building.id");

  @Transactional
  public Page<DeviceRegistration> list(DeviceFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.of(null, null, SORTS, "id"));
  }

  @Transactional
  public Page<DeviceRegistration> list(DeviceFilter filter, PageRequest page, RegistrySort sort) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(
          " and (lower(d.id) like :text or lower(coalesce(d.description, '')) like :text)");
      params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
    }
    if (filter.buildingId() != null && !filter.buildingId().isBlank()) {
      where.append(" and d.building.id = :building");
      params.put("building", filter.buildingId().strip());
    }
    if (filter.gatewayId() != null && !filter.gatewayId().isBlank()) {
      where.append(" and d.gatewayId = :gateway");
      params.put("gateway", filter.gatewayId().strip());
    }
    if (filter.active() != null) {
      where.append(" and d.active = :active");
      params.put("active", filter.active());
    }
    TypedQuery<DeviceRegistration> query =
        em.createQuery(
            "select d from DeviceRegistration d join fetch d.building"
                + where
                + sort.orderBy("d.id"),
            DeviceRegistration.class);
    TypedQuery<Long> count =
        em.createQuery("select count(d) from DeviceRegistration d" + where, Long.class);
    params.forEach(
        (name, value) -> {
          query.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<DeviceRegistration> items =
        query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  DeviceRegistration find(String id) {
    DeviceRegistration device = em.find(DeviceRegistration.class, id);
    if (device == null) {
      throw new UnknownEntityException(KIND, id);
    }
    return device;
  }

  private BuildingRegistration activeBuilding(String buildingId) {
    BuildingRegistration building = em.find(BuildingRegistration.class, buildingId);
    if (building == null) {
      throw new InvalidInputException(
          "buildingId",
          "building '" + buildingId + "' does not exist; create it first or pick another");
    }
    if (!building.isActive()) {
      throw new ConflictException(
          "Building inactive",
          "building '" + buildingId + "' is deactivated and takes no devices; reactivate it first");
    }
    return building;
  }

  private GatewayRegistration activeGateway(String gatewayId) {
    GatewayRegistration gateway = em.find(GatewayRegistration.class, gatewayId);
    if (gateway == null) {
      throw new InvalidInputException(
          "gatewayId",
          "gateway '" + gatewayId + "' does not exist; create it first or pick another");
    }
    if (!gateway.isActive()) {
      throw new ConflictException(
          "Gateway inactive",
          "gateway '" + gatewayId + "' is deactivated and takes no devices; reactivate it first");
    }
    return gateway;
  }

  private static ConflictException duplicate(String id) {
    return new ConflictException(
        "Device exists", "a device with id '" + id + "' exists already; choose another id");
  }
}
