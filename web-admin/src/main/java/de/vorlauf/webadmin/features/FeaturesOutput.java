package de.vorlauf.webadmin.features;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.vorlauf.persistence.features.FeatureQueries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes feature rows as they arrive, in the readings API's shapes: JSON ({@code columns}, then
 * {@code rows} as arrays {@code [time, value…]}) or CSV (header line, one line per slot).
 */
final class FeaturesOutput {

  private static final Logger LOG = LoggerFactory.getLogger(FeaturesOutput.class);
  private static final JsonFactory JSON = new JsonFactory();

  private FeaturesOutput() {}

  static void json(FeaturesService service, FeaturesService.Prepared prepared, OutputStream out)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("buildingId", prepared.buildingId());
      json.writeStringField("from", prepared.range().from().toString());
      json.writeStringField("to", prepared.range().to().toString());
      json.writeNumberField("circuits", prepared.circuits());
      json.writeArrayFieldStart("columns");
      for (String column : prepared.columns()) {
        json.writeString(column);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rows");
      stream(
          service,
          prepared,
          (time, values) -> {
            json.writeStartArray();
            json.writeString(time.toString());
            for (Object value : values) {
              json.writeObject(value);
            }
            json.writeEndArray();
          });
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  static void csv(FeaturesService service, FeaturesService.Prepared prepared, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
    StringBuilder line = new StringBuilder(512).append("time");
    for (String column : prepared.columns()) {
      line.append(',').append(column);
    }
    writer.write(line.append('\n').toString());
    stream(
        service,
        prepared,
        (time, values) -> {
          line.setLength(0);
          line.append(time);
          for (Object value : values) {
            line.append(',');
            if (value != null) {
              line.append(value);
            }
          }
          writer.write(line.append('\n').toString());
        });
    writer.flush();
  }

  private static void stream(
      FeaturesService service, FeaturesService.Prepared prepared, FeatureQueries.RowSink sink)
      throws IOException {
    try {
      service.stream(prepared, sink);
    } catch (SQLException e) {
      LOG.warn("features of building {} cut short: {}", prepared.buildingId(), e.getMessage());
      throw new IOException("reading the database failed: " + e.getMessage(), e);
    }
  }
}
