package de.vorlauf.webadmin.buildingpage;

import de.vorlauf.webadmin.ops.FleetDeviceDto;
import de.vorlauf.webadmin.registry.BuildingDto;
import java.time.Instant;
import java.util.List;

/**
 * What the building page shows above its charts.
 *
 * @param state see {@link BuildingConnectivity}
 * @param lastMessage when the newest message of its devices arrived
 * @param lastReading the newest reading's own time
 * @param offlineAfterMinutes the offline time the states are judged by
 * @param devices its devices with their triage state, firmware and signal (the fleet's rows)
 * @param latest the newest value of every sensor the building stored
 * @param curve its heating curve, for the overlay
 * @param limits what one readings or features request may ask for: the page splits longer ranges
 */
public record BuildingOverviewDto(
    BuildingDto building,
    String state,
    Instant lastMessage,
    Instant lastReading,
    long offlineAfterMinutes,
    List<FleetDeviceDto> devices,
    List<LatestValueDto> latest,
    CurveDto curve,
    LimitsDto limits) {

  /** The readings API's limits, so the page never asks beyond them. */
  public record LimitsDto(long maxRangeSeconds, int maxSensors, long rawRetentionSeconds) {}

  /** One sensor's newest reading. */
  public record LatestValueDto(
      String sensorId, String deviceId, String unit, Instant time, double value) {}

  /**
   * The heating curve as the vertices of its line (the domain's {@link
   * de.vorlauf.domain.heating.HeatingCurve#vertices}): {@code day} at the reference room setpoint,
   * {@code setback} while the night setback lowers it; the chart interpolates between vertices.
   *
   * @param timeZone the building's zone, in which the setback hours are wall-clock hours
   */
  public record CurveDto(
      double baseC,
      double slope,
      double minFlowC,
      double maxFlowC,
      boolean setbackEnabled,
      int setbackStart,
      int setbackEnd,
      String timeZone,
      List<double[]> day,
      List<double[]> setback) {}
}
