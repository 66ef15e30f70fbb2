package de.vorlauf.persistence.readings;

import java.util.List;

/**
 * One value column of a pivoted readback: a sensor of the building, or, where two devices of the
 * building report the same sensor, one device's sensor ({@code name} = {@code device:sensor}).
 *
 * @param deviceId null when the column stands for the sensor alone
 * @param seriesIds the series whose readings fill it
 * @param archived whether the building-level hours archived from the wide layout fill it too
 */
public record ReadingsColumn(
    String name, String sensorId, String deviceId, List<Integer> seriesIds, boolean archived) {

  public ReadingsColumn {
    seriesIds = List.copyOf(seriesIds);
  }
}
