package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingRepository;
import de.vorlauf.persistence.registry.DeviceFilter;
import de.vorlauf.persistence.registry.DeviceRegistration;
import de.vorlauf.persistence.registry.DeviceRepository;
import de.vorlauf.persistence.registry.GatewayRegistration;
import de.vorlauf.persistence.registry.GatewayRepository;
import de.vorlauf.persistence.registry.RegistrySort;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;

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

  @Inject DeviceRepository devices;
  @Inject BuildingRepository buildings;
  @Inject GatewayRepository gateways;

  private final Clock clock = Clock.systemUTC();

  /**
   * @param gatewayId null: no gateway
   */
  @Transactional
  public DeviceDto create(String id, String buildingId, String description, String gatewayId) {
    if (devices.find(id).isPresent()) {
      throw duplicate(id);
    }
    if (gateways.find(id).isPresent()) {
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
      devices.add(device);
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
    return RegistryMapper.toDto(device);
  }

  @Transactional
  public DeviceDto get(String id) {
    return RegistryMapper.toDto(find(id));
  }

  /** Whether a device of this id is registered, active or not. */
  @Transactional
  public boolean exists(String id) {
    return devices.find(id).isPresent();
  }

  /**
   * @param gatewayId null: no gateway
   */
  @Transactional
  public DeviceDto update(String id, String buildingId, String description, String gatewayId) {
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
    return RegistryMapper.toDto(device);
  }

  @Transactional
  public DeviceDto setActive(String id, boolean active) {
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
    return RegistryMapper.toDto(device);
  }

  @Transactional
  public PageDto<DeviceDto> list(DeviceFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  public PageDto<DeviceDto> list(DeviceFilter filter, PageRequest page, RegistrySort sort) {
    return Paging.toDto(devices.list(filter, page, sort), RegistryMapper::toDto);
  }

  private DeviceRegistration find(String id) {
    return devices.find(id).orElseThrow(() -> new UnknownEntityException(KIND, id));
  }

  private BuildingRegistration activeBuilding(String buildingId) {
    BuildingRegistration building =
        buildings
            .find(buildingId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "buildingId",
                        "building '"
                            + buildingId
                            + "' does not exist; create it first or pick another"));
    if (!building.isActive()) {
      throw new ConflictException(
          "Building inactive",
          "building '" + buildingId + "' is deactivated and takes no devices; reactivate it first");
    }
    return building;
  }

  private GatewayRegistration activeGateway(String gatewayId) {
    GatewayRegistration gateway =
        gateways
            .find(gatewayId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "gatewayId",
                        "gateway '"
                            + gatewayId
                            + "' does not exist; create it first or pick another"));
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
