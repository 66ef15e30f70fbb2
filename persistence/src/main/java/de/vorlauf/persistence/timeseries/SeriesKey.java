package de.vorlauf.persistence.timeseries;

import java.util.Objects;

/**
 * What identifies a series: one sensor of one device while the device belongs to one building, in
 * one unit. A device moved to another building writes new series from then on; its history stays
 * with the old building's series.
 */
public record SeriesKey(String buildingId, String deviceId, String sensorId, String unit) {

  public SeriesKey {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(unit, "unit");
  }
}
