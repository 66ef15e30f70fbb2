package de.vorlauf.domain.logging;

import org.slf4j.MDC;

/**
 * The building and device a log line is about, as MDC keys {@value #BUILDING_ID} and {@value
 * #DEVICE_ID}, next to the WorkflowId and RunId the Temporal SDK puts there. Ids only, never a
 * payload or a credential. Use in try-with-resources; closing restores what was there before.
 *
 * <pre>{@code
 * try (var device = DeviceLogContext.open(buildingId, deviceId)) {
 *   log.warn("message {} failed", slot);
 * }
 * }</pre>
 */
public final class DeviceLogContext implements AutoCloseable {

  public static final String BUILDING_ID = "buildingId";
  public static final String DEVICE_ID = "deviceId";

  private final String previousBuilding;
  private final String previousDevice;

  private DeviceLogContext(String buildingId, String deviceId) {
    previousBuilding = MDC.get(BUILDING_ID);
    previousDevice = MDC.get(DEVICE_ID);
    set(BUILDING_ID, buildingId);
    set(DEVICE_ID, deviceId);
  }

  /** Either id may be null (unknown, e.g. a topic that names no device): that key is left out. */
  public static DeviceLogContext open(String buildingId, String deviceId) {
    return new DeviceLogContext(buildingId, deviceId);
  }

  @Override
  public void close() {
    set(BUILDING_ID, previousBuilding);
    set(DEVICE_ID, previousDevice);
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
