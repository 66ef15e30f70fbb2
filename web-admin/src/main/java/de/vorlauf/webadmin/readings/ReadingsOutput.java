package de.vorlauf.webadmin.readings;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.vorlauf.persistence.readings.ReadingsColumn;
import de.vorlauf.persistence.readings.ReadingsQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a prepared readings answer as rows arrive: JSON ({@code columns} first, then {@code rows}
 * as arrays {@code [time, value…]}) or CSV (a header line, then one line per time). Nothing is
 * collected; the servlet's output buffer flushes as it fills. A database failure after the first
 * bytes can only cut the answer short (the client sees truncated JSON or CSV without its end).
 */
final class ReadingsOutput {

  private static final Logger LOG = LoggerFactory.getLogger(ReadingsOutput.class);
  private static final JsonFactory JSON = new JsonFactory();

  private ReadingsOutput() {}

  static void json(ReadingsService service, ReadingsService.Prepared prepared, OutputStream out)
      throws IOException {
    ReadingsQuery query = prepared.query();
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("buildingId", query.buildingId());
      json.writeStringField("from", query.from().toString());
      json.writeStringField("to", query.to().toString());
      json.writeStringField("resolution", query.resolution().wireName());
      json.writeStringField(
          "agg",
          query.resolution() == de.vorlauf.persistence.readings.Resolution.RAW
              ? null
              : query.aggregate().wireName());
      Instant rollupUntil = query.rollupUntil();
      json.writeStringField("rollupUntil", rollupUntil == null ? null : rollupUntil.toString());
      json.writeArrayFieldStart("columns");
      for (ReadingsColumnDto column : columns(prepared.columns())) {
        json.writeStartObject();
        json.writeStringField("name", column.name());
        json.writeStringField("sensorId", column.sensorId());
        json.writeStringField("deviceId", column.deviceId());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rows");
      stream(
          service,
          prepared,
          (time, values) -> {
            json.writeStartArray();
            json.writeString(time.toString());
            for (Double value : values) {
              if (value == null) {
                json.writeNull();
              } else {
                json.writeNumber(value);
              }
            }
            json.writeEndArray();
          });
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  static void csv(ReadingsService service, ReadingsService.Prepared prepared, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
    StringBuilder line = new StringBuilder(256).append("time");
    for (ReadingsColumn column : prepared.columns()) {
      line.append(',').append(csvField(column.name()));
    }
    writer.write(line.append('\n').toString());
    stream(
        service,
        prepared,
        (time, values) -> {
          line.setLength(0);
          line.append(time);
          for (Double value : values) {
            line.append(',');
            if (value != null) {
              line.append(value);
            }
          }
          writer.write(line.append('\n').toString());
        });
    writer.flush();
  }

  static List<ReadingsColumnDto> columns(List<ReadingsColumn> columns) {
    return columns.stream()
        .map(c -> new ReadingsColumnDto(c.name(), c.sensorId(), c.deviceId()))
        .toList();
  }

  private static void stream(
      ReadingsService service,
      ReadingsService.Prepared prepared,
      de.vorlauf.persistence.readings.ReadingsRepository.RowSink sink)
      throws IOException {
    try {
      service.stream(prepared, sink);
    } catch (SQLException e) {
      LOG.warn(
          "readings of building {} cut short: {}", prepared.query().buildingId(), e.getMessage());
      throw new IOException("reading the database failed: " + e.getMessage(), e);
    }
  }

  /** Quoted when it holds a comma, quote or line break (RFC 4180). */
  static String csvField(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
