package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.registry.DeviceRepository;
import de.vorlauf.persistence.registry.GatewayFilter;
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
 * Gateways of the registry: MQTT logins that publish for the devices assigned to them. A gateway's
 * id is its MQTT user name and shares one namespace with device ids, so an id taken by a device is
 * refused (the database enforces the same, also under races). Deactivating a gateway takes away its
 * broker login and ACL at the next broker sync; its devices stay assigned and keep their own
 * logins.
 */
@ApplicationScoped
public class GatewayService {

  static final String KIND = "gateway";

  @Inject GatewayRepository gateways;
  @Inject DeviceRepository devices;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public GatewayDto create(String id, String description) {
    if (gateways.find(id).isPresent()) {
      throw duplicate(id);
    }
    if (devices.find(id).isPresent()) {
      throw takenByDevice(id);
    }
    GatewayRegistration gateway = new GatewayRegistration(id, description, clock.instant());
    try {
      gateways.add(gateway);
    } catch (PersistenceException e) {
      throw translate(e);
    }
    return GatewayMapper.toDto(gateway);
  }

  @Transactional
  public GatewayDto get(String id) {
    return GatewayMapper.toDto(find(id));
  }

  @Transactional
  public GatewayDto update(String id, String description) {
    GatewayRegistration gateway = find(id);
    gateway.update(description, clock.instant());
    return GatewayMapper.toDto(gateway);
  }

  @Transactional
  public GatewayDto setActive(String id, boolean active) {
    GatewayRegistration gateway = find(id);
    gateway.setActive(active, clock.instant());
    return GatewayMapper.toDto(gateway);
  }

  @Transactional
  public PageDto<GatewayDto> list(GatewayFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  public PageDto<GatewayDto> list(GatewayFilter filter, PageRequest page, RegistrySort sort) {
    return Paging.toDto(gateways.list(filter, page, sort), GatewayMapper::toDto);
  }

  private GatewayRegistration find(String id) {
    return gateways.find(id).orElseThrow(() -> new UnknownEntityException(KIND, id));
  }

  private static ConflictException duplicate(String id) {
    return new ConflictException(
        "Gateway exists", "a gateway with id '" + id + "' exists already; choose another id");
  }

  private static ConflictException takenByDevice(String id) {
    return new ConflictException(
        "Name taken by a device",
        "'"
            + id
            + "' is the id of a device; devices and gateways share one namespace of MQTT user"
            + " names, choose another id");
  }

  private static RuntimeException translate(PersistenceException e) {
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
