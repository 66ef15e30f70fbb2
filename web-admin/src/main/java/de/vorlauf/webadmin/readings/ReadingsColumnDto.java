package de.vorlauf.webadmin.readings;

/**
 * One value column of a readings answer.
 *
 * @param deviceId the device whose readings fill it; null for a building-level column (hours
 *     archived from before the series layout)
 */
public record ReadingsColumnDto(String name, String sensorId, String deviceId) {}
