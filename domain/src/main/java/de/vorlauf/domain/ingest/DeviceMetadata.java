package de.vorlauf.domain.ingest;

/**
 * What a device says about itself in a message's {@code metadata} (the source document's {@code
 * firmware_version} and {@code signal_strength}). Either may be null; a message whose metadata is
 * absent or of the wrong shape has none, and its readings are not refused for it.
 *
 * @param signalStrength in dBm, as the device reports it (e.g. -67)
 */
public record DeviceMetadata(String firmwareVersion, Integer signalStrength) {

  /** The longest firmware text kept: a device cannot fill the table with one field. */
  public static final int MAX_FIRMWARE_LENGTH = 64;

  public DeviceMetadata {
    if (firmwareVersion != null && firmwareVersion.length() > MAX_FIRMWARE_LENGTH) {
      firmwareVersion = firmwareVersion.substring(0, MAX_FIRMWARE_LENGTH);
    }
  }

  /** Null when neither field is set. */
  public static DeviceMetadata ofNullable(String firmwareVersion, Integer signalStrength) {
    return firmwareVersion == null && signalStrength == null
        ? null
        : new DeviceMetadata(firmwareVersion, signalStrength);
  }
}
