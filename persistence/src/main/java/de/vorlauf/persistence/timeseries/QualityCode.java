package de.vorlauf.persistence.timeseries;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.TimestampSource;

/**
 * The {@code quality} column of {@code readings}: a smallint holding the device's quality in its
 * low two bits (0 good, 1 uncertain, 2 bad) and how the time was obtained in bit 2 (set: the
 * receive time stood in for a missing timestamp). Two bytes instead of a text column per reading;
 * the views decode it ({@code sensor_readings.quality} is the source document's word again).
 */
public final class QualityCode {

  /** Bit set when the reading's time is the time the worker received it. */
  public static final int RECEIPT_TIME = 4;

  private static final int QUALITY_MASK = 3;

  private QualityCode() {}

  public static short encode(Quality quality, TimestampSource source) {
    int code = quality.ordinal();
    return (short) (source == TimestampSource.RECEIPT ? code | RECEIPT_TIME : code);
  }

  public static Quality quality(int code) {
    return Quality.values()[code & QUALITY_MASK];
  }

  public static TimestampSource timestampSource(int code) {
    return (code & RECEIPT_TIME) != 0 ? TimestampSource.RECEIPT : TimestampSource.DEVICE;
  }

  /** The SQL expression decoding a code column to the source document's quality word. */
  static String qualityWordSql(String column) {
    return "CASE %1$s & 3 WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END"
        .formatted(column);
  }
}
