package de.vorlauf.webadmin.registry;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.BuildingSettings;
import de.vorlauf.persistence.registry.DeviceRegistration;
import java.time.ZoneId;
import java.util.List;

/** Entities to DTOs and validated input to domain values; the web tier never hands out entities. */
final class RegistryMapper {

  private RegistryMapper() {}

  /**
   * Input already passed Bean Validation; left-out settings take the source document's defaults
   * ({@link BuildingConfig#defaults}), the curve the default within the type's limits.
   */
  static BuildingSettings settings(BuildingInput in) {
    HeatingType type = HeatingType.fromCode(in.heatingType().strip()).orElseThrow();
    NightSetback setback = NightSetback.DEFAULT;
    CurveInput curve = CurveInput.of(in, type);
    return new BuildingSettings(
        in.name().strip(),
        ZoneId.of(in.timeZone().strip()),
        type,
        in.areaM2(),
        in.yearBuilt(),
        or(in.heatingCircuits(), BuildingConfig.DEFAULT_HEATING_CIRCUITS),
        or(in.hasDhw(), BuildingConfig.DEFAULT_HAS_DHW),
        or(in.comfortTempMin(), BuildingConfig.DEFAULT_COMFORT_TEMP_MIN),
        or(in.comfortTempMax(), BuildingConfig.DEFAULT_COMFORT_TEMP_MAX),
        new NightSetback(
            or(in.nightSetbackEnabled(), setback.enabled()),
            or(in.nightSetbackStart(), setback.startHour()),
            or(in.nightSetbackEnd(), setback.endHour()),
            or(in.nightSetbackReduction(), setback.roomReductionK())),
        new HeatingCurve(curve.baseC, curve.slope, curve.minFlowC, curve.maxFlowC));
  }

  /** What the domain says against the input's curve (left-out values defaulted) for its type. */
  static List<String> curveProblems(BuildingInput in, HeatingType type) {
    CurveInput curve = CurveInput.of(in, type);
    return HeatingCurve.problems(curve.baseC, curve.slope, curve.minFlowC, curve.maxFlowC, type);
  }

  /** The input's curve values before they are known to form a valid {@link HeatingCurve}. */
  private record CurveInput(double baseC, double slope, double minFlowC, double maxFlowC) {
    static CurveInput of(BuildingInput in, HeatingType type) {
      HeatingCurve defaults = type.defaultCurve();
      return new CurveInput(
          or(in.curveBaseTemp(), defaults.baseC()),
          or(in.curveSlope(), defaults.slope()),
          or(in.flowTempMin(), defaults.minFlowC()),
          or(in.flowTempMax(), defaults.maxFlowC()));
    }
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
        s.nightSetback().enabled(),
        s.nightSetback().startHour(),
        s.nightSetback().endHour(),
        s.nightSetback().roomReductionK(),
        s.curve().baseC(),
        s.curve().slope(),
        s.curve().minFlowC(),
        s.curve().maxFlowC(),
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

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
