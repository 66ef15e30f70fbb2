package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.registry.BuildingFilter;
import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingRepository;
import de.vorlauf.persistence.registry.BuildingSettings;
import de.vorlauf.persistence.registry.DeviceRepository;
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
import java.time.Instant;

/**
 * Buildings of the registry. Deactivating a building deactivates its devices as well (a device of
 * an inactive building must not feed it); reactivating it leaves the devices to be reactivated one
 * by one, on purpose.
 */
@ApplicationScoped
public class BuildingService {

  static final String KIND = "building";

  @Inject BuildingRepository buildings;
  @Inject DeviceRepository devices;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public BuildingDto create(String id, BuildingSettings settings) {
    if (buildings.find(id).isPresent()) {
      throw duplicate(id);
    }
    BuildingRegistration building = new BuildingRegistration(id, settings, now());
    try {
      buildings.add(building);
    } catch (PersistenceException e) {
      throw translate(e, id);
    }
    return RegistryMapper.toDto(building);
  }

  @Transactional
  public BuildingDto get(String id) {
    return RegistryMapper.toDto(find(id));
  }

  @Transactional
  public BuildingDto update(String id, BuildingSettings settings) {
    BuildingRegistration building = find(id);
    building.apply(settings, now());
    try {
      buildings.flush();
    } catch (PersistenceException e) {
      throw translate(e, id);
    }
    return RegistryMapper.toDto(building);
  }

  /** Deactivates the building and all its devices; answers how many devices that stopped. */
  @Transactional
  public ActivationDto deactivate(String id) {
    BuildingRegistration building = find(id);
    Instant now = now();
    building.setActive(false, now);
    int stopped = devices.deactivateAllOf(id, now);
    return new ActivationDto(RegistryMapper.toDto(building), stopped);
  }

  /** Reactivates the building alone: its devices stay inactive until reactivated one by one. */
  @Transactional
  public ActivationDto reactivate(String id) {
    BuildingRegistration building = find(id);
    building.setActive(true, now());
    return new ActivationDto(RegistryMapper.toDto(building), 0);
  }

  @Transactional
  public PageDto<BuildingDto> list(BuildingFilter filter, PageRequest page) {
    return list(filter, page, RegistrySort.BY_ID);
  }

  public PageDto<BuildingDto> list(BuildingFilter filter, PageRequest page, RegistrySort sort) {
    return Paging.toDto(buildings.list(filter, page, sort), RegistryMapper::toDto);
  }

  private BuildingRegistration find(String id) {
    return buildings.find(id).orElseThrow(() -> new UnknownEntityException(KIND, id));
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
