package de.vorlauf.webadmin.rest;

import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingSettings;
import de.vorlauf.persistence.registry.DeviceRegistration;
import de.vorlauf.persistence.registry.HeatingType;
import de.vorlauf.webadmin.registry.Page;
import java.time.ZoneId;
import java.util.function.Function;

/** Entities to DTOs and validated input to domain values; the web tier never hands out entities. */
final class RegistryMapper {

  private RegistryMapper() {}

  /** Input already passed Bean Validation; left-out settings take the documented defaults. */
  static BuildingSettings settings(BuildingInput in) {
    return new BuildingSettings(
        in.name().strip(),
        ZoneId.of(in.timeZone().strip()),
        HeatingType.fromCode(in.heatingType().strip()).orElseThrow(),
        in.areaM2(),
        in.yearBuilt(),
        or(in.heatingCircuits(), BuildingSettings.DEFAULT_HEATING_CIRCUITS),
        or(in.hasDhw(), true),
        or(in.comfortTempMin(), BuildingSettings.DEFAULT_COMFORT_MIN),
        or(in.comfortTempMax(), BuildingSettings.DEFAULT_COMFORT_MAX),
        or(in.nightSetbackEnabled(), true),
        or(in.nightSetbackStart(), BuildingSettings.DEFAULT_SETBACK_START),
        or(in.nightSetbackEnd(), BuildingSettings.DEFAULT_SETBACK_END),
        or(in.nightSetbackReduction(), BuildingSettings.DEFAULT_SETBACK_REDUCTION));
  }

  static BuildingDto toDto(BuildingRegistration b) {
    BuildingSettings s = b.settings();
    return new BuildingDto(
        b.getId(),
        s.name(),
        s.timeZone().getId(),
        s.heatingType().code(),
        s.areaM2(),
        s.yearBuilt(),
        s.heatingCircuits(),
        s.hasDhw(),
        s.comfortTempMin(),
        s.comfortTempMax(),
        s.nightSetbackEnabled(),
        s.nightSetbackStart(),
        s.nightSetbackEnd(),
        s.nightSetbackReduction(),
        b.isActive(),
        b.getCreatedAt(),
        b.getUpdatedAt());
  }

  static DeviceDto toDto(DeviceRegistration d) {
    return new DeviceDto(
        d.getId(),
        d.getBuilding().getId(),
        d.getGatewayId(),
        d.getDescription(),
        d.isActive(),
        d.getCreatedAt(),
        d.getUpdatedAt(),
        d.getReport() == null
            ? null
            : new DeviceDto.DeviceReportDto(
                d.getReport().getFirmwareVersion(),
                d.getReport().getSignalStrength(),
                d.getReport().getReportedAt()));
  }

  static <T, R> PageDto<R> toDto(Page<T> page, Function<T, R> mapper) {
    Page<R> mapped = page.map(mapper);
    return new PageDto<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
