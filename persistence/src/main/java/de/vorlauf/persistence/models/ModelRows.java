package de.vorlauf.persistence.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.domain.models.Change;
import de.vorlauf.domain.models.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Rows of V130's tables as records, and the JSON columns as maps. */
final class ModelRows {

  static final String VERSION_COLUMNS =
      """
      SELECT m.name AS model, v.version, v.run_id, e.name AS experiment, r.name AS run_name,
             v.stage, v.metrics::text AS metrics, v.description, v.tags::text AS tags,
             v.created_at, v.created_by,
             ARRAY(SELECT a.alias FROM model_aliases a
                   WHERE a.model_id = v.model_id AND a.version = v.version ORDER BY a.alias) AS aliases
      FROM model_versions v JOIN registered_models m ON m.id = v.model_id
      JOIN experiment_runs r ON r.id = v.run_id JOIN experiments e ON e.id = r.experiment_id
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelRows() {}

  static ModelVersion version(ResultSet rs) throws SQLException {
    return new ModelVersion(
        rs.getString("model"),
        rs.getInt("version"),
        rs.getLong("run_id"),
        rs.getString("experiment"),
        rs.getString("run_name"),
        Stage.valueOf(rs.getString("stage")),
        Arrays.stream((String[]) rs.getArray("aliases").getArray())
            .map(a -> Alias.parse(a).orElseThrow())
            .toList(),
        read(rs.getString("metrics"), new TypeReference<TreeMap<String, Double>>() {}),
        rs.getString("description"),
        read(rs.getString("tags"), new TypeReference<TreeMap<String, String>>() {}),
        instant(rs, "created_at"),
        rs.getString("created_by"));
  }

  static RegistryLogEntry logEntry(ResultSet rs) throws SQLException {
    String alias = rs.getString("alias");
    String from = rs.getString("from_stage");
    return new RegistryLogEntry(
        rs.getLong("id"),
        rs.getString("model"),
        rs.getInt("version"),
        instant(rs, "at"),
        rs.getString("actor"),
        Change.Kind.valueOf(rs.getString("change")),
        alias == null ? null : Alias.parse(alias).orElseThrow(),
        from == null ? null : Stage.valueOf(from),
        Stage.valueOf(rs.getString("to_stage")),
        rs.getString("reason"),
        Authority.ofLabel(rs.getString("authority")),
        rs.getString("evidence"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static String json(Map<String, ?> map) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(map));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON: " + e.getMessage(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON column holds no object: " + e.getMessage(), e);
    }
  }
}
