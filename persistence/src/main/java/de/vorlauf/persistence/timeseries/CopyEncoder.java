package de.vorlauf.persistence.timeseries;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes staged rows for {@code COPY ... FROM STDIN}. Column order: [submission,] time,
 * building_id, device_id, sensor_id, value, unit, quality, received_at.
 */
final class CopyEncoder {

  private static final byte[] BINARY_SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final long PG_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z
  private static final short COLUMNS = 9;

  private CopyEncoder() {}

  /** Where the rows go: the staging table (with submission) or straight into the readings. */
  enum Target {
    STAGING("sensor_readings_staging (submission, "),
    READINGS("sensor_readings (");

    private final String table;

    Target(String table) {
      this.table = table;
    }
  }

  static String copySql(Target target, CopyFormat format) {
    return "COPY "
        + target.table
        + "time, building_id, device_id, sensor_id, value, unit,"
        + " quality, received_at) FROM STDIN"
        + (format == CopyFormat.BINARY ? " (FORMAT binary)" : "");
  }

  static void write(Target target, CopyFormat format, StagedRows staged, DataOutputStream out)
      throws IOException {
    boolean submission = target == Target.STAGING;
    if (format == CopyFormat.BINARY) {
      writeBinary(staged, submission, out);
    } else {
      writeText(staged, submission, out);
    }
  }

  static void writeBinary(StagedRows staged, boolean submission, DataOutputStream out)
      throws IOException {
    out.write(BINARY_SIGNATURE);
    out.writeInt(0); // flags
    out.writeInt(0); // header extension length
    for (int i = 0; i < staged.size(); i++) {
      ReadingRow row = staged.rows().get(i);
      out.writeShort(submission ? COLUMNS : COLUMNS - 1);
      if (submission) {
        out.writeInt(4);
        out.writeInt(staged.submissionOf()[i]);
      }
      timestamp(out, row.time());
      text(out, row.buildingId());
      text(out, row.deviceId());
      text(out, row.sensorId());
      out.writeInt(8);
      out.writeDouble(row.value());
      text(out, row.unit());
      text(out, row.quality().wireName());
      timestamp(out, row.receivedAt());
    }
    out.writeShort(-1);
  }

  static void writeText(StagedRows staged, boolean submission, DataOutputStream out)
      throws IOException {
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < staged.size(); i++) {
      ReadingRow row = staged.rows().get(i);
      line.setLength(0);
      if (submission) {
        line.append(staged.submissionOf()[i]).append('\t');
      }
      line.append(row.time()).append('\t');
      escape(line, row.buildingId()).append('\t');
      escape(line, row.deviceId()).append('\t');
      escape(line, row.sensorId()).append('\t');
      line.append(row.value()).append('\t');
      escape(line, row.unit()).append('\t');
      line.append(row.quality().wireName()).append('\t').append(row.receivedAt()).append('\n');
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Microseconds since 2000-01-01 UTC, PostgreSQL's binary timestamptz. */
  static long pgMicros(Instant time) {
    return (time.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + time.getNano() / 1_000;
  }

  private static void timestamp(DataOutputStream out, Instant time) throws IOException {
    out.writeInt(8);
    out.writeLong(pgMicros(time));
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** COPY text format: backslash, tab, newline and carriage return are escaped. */
  static StringBuilder escape(StringBuilder line, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return line;
  }
}
