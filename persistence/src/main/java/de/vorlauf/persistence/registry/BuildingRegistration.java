package de.vorlauf.persistence.registry;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A heated building in the registry ({@code buildings}, V1 + V10 + V31). A deactivated building
 * stays (its readings and history refer to it) but takes no new devices.
 */
@Entity(name = "BuildingRegistration")
@Table(name = "buildings")
public class BuildingRegistration extends RegistryEntry {

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "heating_type", nullable = false)
  private String heatingType;

  @Column(name = "area_m2")
  private Double areaM2;

  @Column(name = "year_built")
  private Integer yearBuilt;

  @Column(name = "heating_circuits", nullable = false)
  private int heatingCircuits;

  @Column(name = "has_dhw", nullable = false)
  private boolean hasDhw;

  @Column(name = "comfort_temp_min", nullable = false)
  private double comfortTempMin;

  @Column(name = "comfort_temp_max", nullable = false)
  private double comfortTempMax;

  @Column(name = "night_setback_enabled", nullable = false)
  private boolean nightSetbackEnabled;

  @Column(name = "night_setback_start", nullable = false)
  private int nightSetbackStart;

  @Column(name = "night_setback_end", nullable = false)
  private int nightSetbackEnd;

  @Column(name = "night_setback_reduction", nullable = false)
  private double nightSetbackReduction;

  @Column(name = "curve_base_temp", nullable = false)
  private double curveBaseTemp;

  @Column(name = "curve_slope", nullable = false)
  private double curveSlope;

  @Column(name = "flow_temp_min", nullable = false)
  private double flowTempMin;

  @Column(name = "flow_temp_max", nullable = false)
  private double flowTempMax;

  protected BuildingRegistration() {}

  public BuildingRegistration(String id, BuildingSettings settings, Instant now) {
    super(id, now);
    apply(settings, now);
  }

  /** Replaces every changeable attribute. */
  public void apply(BuildingSettings s, Instant now) {
    name = s.name();
    timeZone = s.timeZone().getId();
    heatingType = s.heatingType().code();
    areaM2 = s.areaM2();
    yearBuilt = s.yearBuilt();
    heatingCircuits = s.heatingCircuits();
    hasDhw = s.hasDhw();
    comfortTempMin = s.comfortTempMin();
    comfortTempMax = s.comfortTempMax();
    nightSetbackEnabled = s.nightSetback().enabled();
    nightSetbackStart = s.nightSetback().startHour();
    nightSetbackEnd = s.nightSetback().endHour();
    nightSetbackReduction = s.nightSetback().roomReductionK();
    curveBaseTemp = s.curve().baseC();
    curveSlope = s.curve().slope();
    flowTempMin = s.curve().minFlowC();
    flowTempMax = s.curve().maxFlowC();
    touch(now);
  }

  public BuildingSettings settings() {
    return new BuildingSettings(
        name,
        ZoneId.of(timeZone),
        HeatingType.fromCode(heatingType)
            .orElseThrow(() -> new IllegalStateException("unknown heating type " + heatingType)),
        areaM2,
        yearBuilt,
        heatingCircuits,
        hasDhw,
        comfortTempMin,
        comfortTempMax,
        new NightSetback(
            nightSetbackEnabled, nightSetbackStart, nightSetbackEnd, nightSetbackReduction),
        new HeatingCurve(curveBaseTemp, curveSlope, flowTempMin, flowTempMax));
  }
}
