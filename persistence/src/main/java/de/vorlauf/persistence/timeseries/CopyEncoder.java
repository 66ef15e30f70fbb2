package de.vorlauf.persistence.timeseries;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes staged rows for {@code COPY ... FROM STDIN}. Column order: [submission,] series_id, time,
 * value, quality — four fixed-width columns, nothing to escape in the binary format.
 */
final class CopyEncoder {

  private static final byte[] BINARY_SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final long PG_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z
  private static final short COLUMNS = 5;

  private CopyEncoder() {}

  /** Where the rows go: the staging table (with submission) or straight into the readings. */
  enum Target {
    STAGING("readings_staging (submission, "),
    READINGS("readings (");

    private final String table;

    Target(String table) {
      this.table = table;
    }
  }

  static String copySql(Target target, CopyFormat format) {
    return "COPY "
        + target.table
        + "series_id, time, value, quality) FROM STDIN"
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
    int[] series = staged.seriesIds();
    int[] owners = staged.submissionOf();
    for (int i = 0; i < staged.size(); i++) {
      ReadingRow row = staged.rows().get(i);
      out.writeShort(submission ? COLUMNS : COLUMNS - 1);
      if (submission) {
        out.writeInt(4);
        out.writeInt(owners[i]);
      }
      out.writeInt(4);
      out.writeInt(series[i]);
      out.writeInt(8);
      out.writeLong(pgMicros(row.time()));
      out.writeInt(8);
      out.writeDouble(row.value());
      out.writeInt(2);
      out.writeShort(row.qualityCode());
    }
    out.writeShort(-1);
  }

  static void writeText(StagedRows staged, boolean submission, DataOutputStream out)
      throws IOException {
    StringBuilder line = new StringBuilder(80);
    for (int i = 0; i < staged.size(); i++) {
      ReadingRow row = staged.rows().get(i);
      line.setLength(0);
      if (submission) {
        line.append(staged.submissionOf()[i]).append('\t');
      }
      line.append(staged.seriesIds()[i]).append('\t');
      line.append(row.time()).append('\t');
      line.append(row.value()).append('\t');
      line.append(row.qualityCode()).append('\n');
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Microseconds since 2000-01-01 UTC, PostgreSQL's binary timestamptz. */
  static long pgMicros(Instant time) {
    return (time.getEpochSecond() - PG_EPOCH_SECONDS) * 1_000_000L + time.getNano() / 1_000;
  }
}
