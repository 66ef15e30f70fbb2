package de.vorlauf.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The ceiling: the same rows, copied by the server itself from a file into the same table with the
 * same indexes and partitions — no broker, no parsing, no network.
 */
final class CopyCeiling {

  private static final String COLUMNS =
      "time, building_id, device_id, sensor_id, value, unit, quality, received_at";

  record Result(long rows, double seconds) {
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
            .copyOut(
                "COPY (SELECT " + COLUMNS + " FROM sensor_readings) TO STDOUT (FORMAT binary)",
                out);
      }
      // the server process reads the file as its own user
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      long rows = CommitWatch.count(stack.app);
      s.execute("TRUNCATE sensor_readings");
      s.execute("CHECKPOINT");
      long started = System.nanoTime();
      s.execute("COPY sensor_readings (" + COLUMNS + ") FROM '" + file + "' (FORMAT binary)");
      double seconds = (System.nanoTime() - started) / 1e9;
      if (CommitWatch.count(stack.app) != rows) {
        throw new IllegalStateException("the ceiling copy did not load all " + rows + " rows");
      }
      s.execute("TRUNCATE sensor_readings");
      Files.delete(file);
      return new Result(rows, seconds);
    }
  }
}
