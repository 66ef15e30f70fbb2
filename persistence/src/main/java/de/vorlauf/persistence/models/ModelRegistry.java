package de.vorlauf.persistence.models;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.domain.models.Change;
import de.vorlauf.domain.models.ModelRules;
import de.vorlauf.domain.models.ModelState;
import de.vorlauf.domain.models.Stage;
import de.vorlauf.domain.models.Transition;
import de.vorlauf.persistence.experiments.UnknownRunException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Changes to the model registry: registering a run as a version, moving and clearing aliases,
 * archiving. Each is one transaction that locks the model's row first, reads its state, asks {@link
 * ModelRules} and stores the answer with its log lines: two concurrent changes of one model run one
 * after the other, each on the state the other left. Thread-safe.
 *
 * <p>Throws {@link RegistryRefusedException} when the rules refuse (with their reason), {@link
 * UnknownModelException} / {@link UnknownRunException} for names that name nothing, {@link
 * SQLException} when the database fails (retryable).
 */
public class ModelRegistry {

  private static final String ENSURE_MODEL =
      "INSERT INTO registered_models (name, description) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";

  private static final String LOCK_MODEL =
      "SELECT id FROM registered_models WHERE name = ? FOR UPDATE";

  private static final String STAGES =
      "SELECT version, stage FROM model_versions WHERE model_id = ?";

  private static final String ALIASES =
      "SELECT alias, version FROM model_aliases WHERE model_id = ?";

  private static final String VERSION_OF_RUN =
      "SELECT version FROM model_versions WHERE model_id = ? AND run_id = ?";

  private static final String RUN =
      """
      SELECT r.status, a.purged_at, a.name IS NOT NULL AS has_model
      FROM experiment_runs r
      LEFT JOIN experiment_run_artifacts a ON a.run_id = r.id AND a.name = ?
      WHERE r.id = ?
      """;

  private static final String INSERT_VERSION =
      """
      INSERT INTO model_versions (model_id, version, run_id, metrics, description, tags, created_by)
      SELECT ?, ?, ?, (SELECT coalesce(jsonb_object_agg(key, value), '{}')
                       FROM experiment_run_metrics WHERE run_id = ?), ?, ?::jsonb, ?
      """;

  private static final String SET_STAGE =
      "UPDATE model_versions SET stage = ? WHERE model_id = ? AND version = ?";

  private static final String CLEAR_ALIAS =
      "DELETE FROM model_aliases WHERE model_id = ? AND alias = ?";

  private static final String SET_ALIAS =
      """
      INSERT INTO model_aliases (model_id, alias, version) VALUES (?, ?, ?)
      ON CONFLICT (model_id, alias) DO UPDATE SET version = EXCLUDED.version, set_at = now()
      """;

  private static final String LOG =
      """
      INSERT INTO model_registry_log (model_id, version, actor, change, alias, from_stage,
                                      to_stage, reason, authority, evidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      """;

  private final DataSource dataSource;
  private final ModelCatalog catalog;

  public ModelRegistry(DataSource dataSource) {
    this.dataSource = dataSource;
    this.catalog = new ModelCatalog(dataSource);
  }

  /**
   * Registers a finished run that stored its model ({@link VersionFile#MODEL}) as the model's next
   * version, creating the model on its first version. Idempotent on the run: registering it again
   * (a retried activity, a second click) returns the version it became, changes nothing and logs
   * nothing.
   *
   * @param tags the version's own tags (where it came from), not the run's
   */
  public Registration register(
      String model, long runId, String description, Map<String, String> tags, ChangeRequest why)
      throws SQLException {
    Objects.requireNonNull(model, "model");
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        checkRun(c, runId);
        execute(c, ENSURE_MODEL, model, null);
        long modelId = lock(c, model);
        Integer existing = versionOfRun(c, modelId, runId);
        boolean created = existing == null;
        if (created) {
          Transition.Applied applied = applied(ModelRules.register(state(c, modelId)));
          int version = applied.changes().get(0).version();
          Map<String, Object> evidence = new LinkedHashMap<>(why.evidence());
          evidence.put("runId", runId);
          ChangeRequest logged = new ChangeRequest(why.actor(), why.reason(), evidence);
          try (PreparedStatement insert = c.prepareStatement(INSERT_VERSION)) {
            insert.setLong(1, modelId);
            insert.setInt(2, version);
            insert.setLong(3, runId);
            insert.setLong(4, runId);
            insert.setString(5, description);
            insert.setString(6, ModelRows.json(tags == null ? Map.of() : tags));
            insert.setString(7, why.actor());
            insert.executeUpdate();
          }
          store(c, modelId, state(c, modelId), applied, logged, Authority.REGISTRATION);
          existing = version;
        }
        c.commit();
        return new Registration(
            catalog.resolve(model, String.valueOf(existing)).orElseThrow(), created);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** Gives {@code alias} to {@code version} (see {@link ModelRules#setAlias}). */
  public List<Change> setAlias(
      String model, Alias alias, int version, Authority authority, ChangeRequest why)
      throws SQLException {
    return change(
        model, state -> ModelRules.setAlias(state, alias, version, authority), why, authority);
  }

  /** Takes {@code alias} from its holder (see {@link ModelRules#clearAlias}). */
  public List<Change> clearAlias(String model, Alias alias, Authority authority, ChangeRequest why)
      throws SQLException {
    return change(model, state -> ModelRules.clearAlias(state, alias, authority), why, authority);
  }

  /** Sets a version without an alias aside (see {@link ModelRules#archive}). */
  public List<Change> archive(String model, int version, ChangeRequest why) throws SQLException {
    return change(
        model, state -> ModelRules.archive(state, version), why, Authority.MANUAL_BEFORE_PROMOTION);
  }

  private interface Rule {
    Transition apply(ModelState state);
  }

  /**
   * @return the log lines written; empty when the state already was what was asked
   */
  private List<Change> change(String model, Rule rule, ChangeRequest why, Authority authority)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long modelId = lock(c, model);
        ModelState before = state(c, modelId);
        Transition.Applied applied = applied(rule.apply(before));
        store(c, modelId, before, applied, why, authority);
        c.commit();
        return applied.changes();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static Transition.Applied applied(Transition transition) {
    if (transition instanceof Transition.Refused refused) {
      throw new RegistryRefusedException(refused.reason());
    }
    return (Transition.Applied) transition;
  }

  /**
   * Writes the difference between {@code before} and the transition's state, and its log lines.
   * Versions leaving Production or Staging are written first: the partial unique indexes check
   * every row as it is written.
   */
  private static void store(
      Connection c,
      long modelId,
      ModelState before,
      Transition.Applied applied,
      ChangeRequest why,
      Authority authority)
      throws SQLException {
    ModelState after = applied.state();
    List<Map.Entry<Integer, Stage>> moved = new ArrayList<>();
    after
        .stages()
        .forEach(
            (version, stage) -> {
              if (before.stage(version).orElse(null) != stage) {
                moved.add(Map.entry(version, stage));
              }
            });
    moved.sort(
        Comparator.comparing(
            (Map.Entry<Integer, Stage> e) ->
                e.getValue() == Stage.PRODUCTION || e.getValue() == Stage.STAGING));
    try (PreparedStatement update = c.prepareStatement(SET_STAGE)) {
      for (Map.Entry<Integer, Stage> entry : moved) {
        update.setString(1, entry.getValue().name());
        update.setLong(2, modelId);
        update.setInt(3, entry.getKey());
        update.executeUpdate();
      }
    }
    for (Alias alias : Alias.values()) {
      Integer was = before.holder(alias).orElse(null);
      Integer is = after.holder(alias).orElse(null);
      if (Objects.equals(was, is)) {
        continue;
      }
      if (is == null) {
        execute(c, CLEAR_ALIAS, modelId, alias.label());
      } else {
        try (PreparedStatement set = c.prepareStatement(SET_ALIAS)) {
          set.setLong(1, modelId);
          set.setString(2, alias.label());
          set.setInt(3, is);
          set.executeUpdate();
        }
      }
    }
    try (PreparedStatement log = c.prepareStatement(LOG)) {
      for (Change change : applied.changes()) {
        log.setLong(1, modelId);
        log.setInt(2, change.version());
        log.setString(3, why.actor());
        log.setString(4, change.kind().name());
        log.setString(5, change.alias() == null ? null : change.alias().label());
        log.setString(6, change.from() == null ? null : change.from().name());
        log.setString(7, change.to().name());
        log.setString(8, why.reason());
        log.setString(9, authority.label());
        log.setString(10, ModelRows.json(why.evidence()));
        log.addBatch();
      }
      log.executeBatch();
    }
  }

  private static void checkRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(RUN)) {
      query.setString(1, VersionFile.MODEL.artifact());
      query.setLong(2, runId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownRunException(runId);
        }
        String status = rs.getString("status");
        if (!"FINISHED".equals(status)) {
          throw new RegistryRefusedException(
              "run " + runId + " is " + status + "; only a finished run becomes a version");
        }
        if (!rs.getBoolean("has_model")) {
          throw new RegistryRefusedException(
              "run " + runId + " stored no " + VersionFile.MODEL.artifact() + "; nothing to serve");
        }
        if (rs.getObject("purged_at") != null) {
          throw new RegistryRefusedException(
              "run " + runId + "'s model was removed by retention; it cannot become a version");
        }
      }
    }
  }

  private static long lock(Connection c, String model) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(LOCK_MODEL)) {
      query.setString(1, model);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new UnknownModelException(model);
        }
        return rs.getLong(1);
      }
    }
  }

  private static ModelState state(Connection c, long modelId) throws SQLException {
    Map<Integer, Stage> stages = new TreeMap<>();
    Map<Alias, Integer> aliases = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement(STAGES)) {
      query.setLong(1, modelId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          stages.put(rs.getInt(1), Stage.valueOf(rs.getString(2)));
        }
      }
    }
    try (PreparedStatement query = c.prepareStatement(ALIASES)) {
      query.setLong(1, modelId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          aliases.put(Alias.parse(rs.getString(1)).orElseThrow(), rs.getInt(2));
        }
      }
    }
    return new ModelState(new TreeMap<>(stages), aliases);
  }

  private static Integer versionOfRun(Connection c, long modelId, long runId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(VERSION_OF_RUN)) {
      query.setLong(1, modelId);
      query.setLong(2, runId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static void execute(Connection c, String sql, Object first, String second)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setObject(1, first);
      statement.setString(2, second);
      statement.executeUpdate();
    }
  }
}
