package de.vorlauf.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The ceiling: the same rows, copied by the server itself from a file into the same table ({@code
 * readings}, the narrow series layout) with the same indexes and partitions — no broker, no
 * parsing, no network, no rollup.
 */
final class CopyCeiling {

  private static final String COLUMNS = "series_id, time, value, quality";

  // table and indexes of every partition: what one stored reading costs on disk
  private static final String BYTES =
      """
      SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) FROM pg_inherits i
      WHERE i.inhparent = 'readings'::regclass
      """;

  /**
   * @param bytesPerReading table and indexes of {@code readings} after the sustained run, per row
   */
  record Result(long rows, double seconds, double bytesPerReading) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private CopyCeiling() {}

  static Result measure(BenchStack stack, Path dir) throws Exception {
    Path file = dir.resolve("readings.copy").toAbsolutePath();
    try (Connection su = stack.superuser();
        Statement s = su.createStatement()) {
      try (OutputStream out = Files.newOutputStream(file)) {
        su.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY (SELECT " + COLUMNS + " FROM readings) TO STDOUT (FORMAT binary)", out);
      }
      // the server process reads the file as its own user
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      long rows = CommitWatch.count(stack.app);
      s.execute("VACUUM readings");
      double bytesPerReading;
      try (java.sql.ResultSet rs = s.executeQuery(BYTES)) {
        rs.next();
        bytesPerReading = rs.getLong(1) / (double) rows;
      }
      s.execute("TRUNCATE readings");
      s.execute("CHECKPOINT");
      long started = System.nanoTime();
      s.execute("COPY readings (" + COLUMNS + ") FROM '" + file + "' (FORMAT binary)");
      double seconds = (System.nanoTime() - started) / 1e9;
      if (CommitWatch.count(stack.app) != rows) {
        throw new IllegalStateException("the ceiling copy did not load all " + rows + " rows");
      }
      s.execute("TRUNCATE readings");
      Files.delete(file);
      return new Result(rows, seconds, bytesPerReading);
    }
  }
}
