package de.vorlauf.persistence.models;

import de.vorlauf.domain.models.VersionRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What every consumer reads of the model registry: the models, a model's versions and change log,
 * and "the champion" or "version N" of a model in one call ({@link #resolve}). Thread-safe.
 */
public class ModelCatalog {

  private static final String MODELS =
      """
      SELECT m.name, m.description, m.created_at, count(v.version) AS versions,
             max(v.version) AS latest,
             (SELECT a.version FROM model_aliases a
              WHERE a.model_id = m.id AND a.alias = 'champion') AS champion,
             (SELECT a.version FROM model_aliases a
              WHERE a.model_id = m.id AND a.alias = 'challenger') AS challenger
      FROM registered_models m LEFT JOIN model_versions v ON v.model_id = m.id
      WHERE (?::text IS NULL OR m.name = ?)
      GROUP BY m.id ORDER BY m.name
      """;

  private static final String VERSIONS =
      ModelRows.VERSION_COLUMNS
          + """
          WHERE m.name = ?
            AND (?::integer IS NULL OR v.version = ?)
            AND (?::text IS NULL OR v.version = (SELECT a.version FROM model_aliases a
                                                 WHERE a.model_id = v.model_id AND a.alias = ?))
          ORDER BY v.version DESC
          """;

  private static final String LOG =
      """
      SELECT l.id, m.name AS model, l.version, l.at, l.actor, l.change, l.alias, l.from_stage,
             l.to_stage, l.reason, l.authority, l.evidence::text AS evidence
      FROM model_registry_log l JOIN registered_models m ON m.id = l.model_id
      WHERE m.name = ? AND (?::integer IS NULL OR l.version = ?)
      ORDER BY l.id DESC LIMIT ?
      """;

  private final DataSource dataSource;

  public ModelCatalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every registered model, by name. */
  public List<RegisteredModel> models() throws SQLException {
    return models(null);
  }

  public Optional<RegisteredModel> model(String name) throws SQLException {
    return models(name).stream().findFirst();
  }

  /** A model's versions, newest first. */
  public List<ModelVersion> versions(String model) throws SQLException {
    requireModel(model);
    return versions(model, null, null);
  }

  /**
   * The version a reference names: {@code champion}, {@code challenger} or a number.
   *
   * @return empty when the model has no such version (no champion yet, no version 9)
   * @throws UnknownModelException when the model does not exist
   */
  public Optional<ModelVersion> resolve(String model, VersionRef ref) throws SQLException {
    requireModel(model);
    List<ModelVersion> found =
        ref instanceof VersionRef.ByNumber n
            ? versions(model, n.number(), null)
            : versions(model, null, ((VersionRef.ByAlias) ref).alias().label());
    return found.stream().findFirst();
  }

  /** {@link #resolve(String, VersionRef)} of a reference's text; empty when it names none. */
  public Optional<ModelVersion> resolve(String model, String ref) throws SQLException {
    Optional<VersionRef> parsed = VersionRef.parse(ref);
    return parsed.isEmpty() ? Optional.empty() : resolve(model, parsed.get());
  }

  /**
   * A model's change log, newest first.
   *
   * @param version only this version's lines; null: all
   */
  public List<RegistryLogEntry> log(String model, Integer version, int limit) throws SQLException {
    requireModel(model);
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(LOG)) {
      query.setString(1, model);
      setInteger(query, 2, version);
      setInteger(query, 3, version);
      query.setInt(4, limit);
      List<RegistryLogEntry> entries = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          entries.add(ModelRows.logEntry(rs));
        }
      }
      return entries;
    }
  }

  private void requireModel(String model) throws SQLException {
    if (model(model).isEmpty()) {
      throw new UnknownModelException(model);
    }
  }

  private List<RegisteredModel> models(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(MODELS)) {
      query.setString(1, name);
      query.setString(2, name);
      List<RegisteredModel> models = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          models.add(
              new RegisteredModel(
                  rs.getString("name"),
                  rs.getString("description"),
                  ModelRows.instant(rs, "created_at"),
                  rs.getInt("versions"),
                  rs.getObject("latest", Integer.class),
                  rs.getObject("champion", Integer.class),
                  rs.getObject("challenger", Integer.class)));
        }
      }
      return models;
    }
  }

  private List<ModelVersion> versions(String model, Integer number, String alias)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement query = c.prepareStatement(VERSIONS)) {
      query.setString(1, model);
      setInteger(query, 2, number);
      setInteger(query, 3, number);
      query.setString(4, alias);
      query.setString(5, alias);
      List<ModelVersion> versions = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          versions.add(ModelRows.version(rs));
        }
      }
      return versions;
    }
  }

  private static void setInteger(PreparedStatement s, int at, Integer value) throws SQLException {
    if (value == null) {
      s.setNull(at, Types.INTEGER);
    } else {
      s.setInt(at, value);
    }
  }
}
