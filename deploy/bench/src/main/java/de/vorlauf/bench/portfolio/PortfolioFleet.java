package de.vorlauf.bench.portfolio;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.VersionFile;
import de.vorlauf.testdata.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's fleet, made fast: the six simulated buildings of the test data set (readings and
 * ETL features of two January weeks) cloned by SQL into {@code buildings} buildings {@code
 * pb-00000…} with one device each, their ETL features only for the hours a state read at {@code
 * asOf} uses (the last day and the week-ago hour) and their readings for the last four hours (what
 * "features now" reads), plus the inference module's small fixture model as {@code champion}.
 */
final class PortfolioFleet {

  static final String PREFIX = "pb-";
  private static final Logger log = LoggerFactory.getLogger(PortfolioFleet.class);

  private PortfolioFleet() {}

  /**
   * @param allTemplates clone all six test-data buildings (five have no room sensor and fall back
   *     to their own curve, publishing nothing); false: only those with a room sensor, so that
   *     every building takes the whole path up to the published command
   */
  static void create(
      DataSource db, int buildings, Instant asOf, Path modelDir, boolean allTemplates)
      throws Exception {
    long start = System.nanoTime();
    TestData.standard().loadInto(db);
    TestData.standard().loadFeaturesInto(db);
    log.info("test data loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    Instant issued = asOf.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE TEMP TABLE clone_map AS
          SELECT g.n, '%s' || lpad(g.n::text, 5, '0') AS new_b,
                 '%s' || lpad(g.n::text, 5, '0') || '-gb' AS new_d, t.id AS tpl_b,
                 t.id || '-gb' AS tpl_d
          FROM generate_series(0, %d) g(n)
          JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k,
                       count(*) OVER () AS templates
                FROM buildings b
                WHERE id LIKE 'td-%%'
                  AND (%s OR EXISTS (SELECT 1 FROM building_features f
                                     WHERE f.building_id = b.id AND f.indoor_temp IS NOT NULL)))
               t ON t.k = g.n %% t.templates
          """
              .formatted(PREFIX, PREFIX, buildings - 1, allTemplates));

      step(c, "buildings", cloneSql(c, "buildings", "id", "m.new_b", "b.id = m.tpl_b", "b"));
      step(
          c,
          "devices",
          cloneSql(c, "devices", "id", "m.new_d", "b.id = m.tpl_d", "b")
              .replace("b.building_id", "m.new_b"));
      step(
          c,
          "series",
          """
          INSERT INTO series (building_id, device_id, sensor_id, unit)
          SELECT m.new_b, m.new_d, t.sensor_id, t.unit
          FROM clone_map m JOIN series t ON t.building_id = m.tpl_b
          """);
      step(
          c,
          "readings (last 4 h 15 min)",
          """
          INSERT INTO readings (series_id, time, value, quality)
          SELECT n.id, r.time, r.value, r.quality
          FROM clone_map m
          JOIN series n ON n.building_id = m.new_b
          JOIN series t ON t.building_id = m.tpl_b AND t.sensor_id = n.sensor_id
                       AND t.unit = n.unit
          JOIN readings r ON r.series_id = t.id
          WHERE r.time >= '%s' AND r.time < '%s'
          """
              .formatted(asOf.minus(Duration.ofMinutes(255)), asOf));
      step(
          c,
          "features (last 26 h and the week-ago hours)",
          cloneSql(c, "building_features", "building_id", "m.new_b", "b.building_id = m.tpl_b", "b")
              + """
               WHERE (b.time >= '%s' AND b.time < '%s') OR (b.time >= '%s' AND b.time < '%s')
              """
                  .formatted(
                      issued.minus(Duration.ofHours(26)),
                      issued,
                      issued.minus(Duration.ofHours(170)),
                      issued.minus(Duration.ofHours(166))));
      // the templates themselves take no part in the runs (after cloning: clones copy "active")
      s.execute("UPDATE buildings SET active = false WHERE id LIKE 'td-%'");
      // hint bits and visibility map set now, not by the first run that reads the fresh rows
      s.execute("VACUUM (ANALYZE)");
    }
    registerChampion(db, modelDir);
    log.info(
        "fleet of {} buildings ready in {} s",
        buildings,
        (System.nanoTime() - start) / 1_000_000_000);
  }

  /** Active ids that the run is to fail: every {@code 1/share}-th, spread over the id range. */
  static List<String> everyNth(DataSource db, double share) throws SQLException {
    List<String> ids = new ArrayList<>();
    if (share <= 0) {
      return ids;
    }
    int step = (int) Math.round(1 / share);
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT id FROM buildings WHERE id LIKE ? AND active ORDER BY id")) {
      q.setString(1, PREFIX + "%");
      try (ResultSet rs = q.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          if (i % step == 0) {
            ids.add(rs.getString(1));
          }
        }
      }
    }
    return ids;
  }

  /** INSERT … SELECT of every column of {@code table}, one replaced, from the clone map. */
  private static String cloneSql(
      Connection c, String table, String replaced, String with, String join, String alias)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            """
            SELECT column_name FROM information_schema.columns
            WHERE table_name = ? AND table_schema = current_schema() AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """)) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    String values =
        columns.stream()
            .map(col -> col.equals(replaced) ? with : alias + "." + col)
            .collect(Collectors.joining(", "));
    return "INSERT INTO %s (%s) SELECT %s FROM clone_map m JOIN %s %s ON %s"
        .formatted(table, String.join(", ", columns), values, table, alias, join);
  }

  private static void step(Connection c, String what, String sql) throws SQLException {
    long start = System.nanoTime();
    try (Statement s = c.createStatement()) {
      int rows = s.executeUpdate(sql);
      log.info("{}: {} rows in {} ms", what, rows, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** The fixture model (ONNX and manifest) registered and made champion, as activities' ITs do. */
  private static void registerChampion(DataSource db, Path modelDir) throws Exception {
    JdbcExperimentTracker tracker = new JdbcExperimentTracker(db, Clock.systemUTC());
    long run =
        tracker
            .startRun(
                new RunStart(
                    "heat-demand-bench", "portfolio-bench/fixture", "fixture", "0.1.0", "wf", "r"))
            .id();
    tracker.logArtifact(
        run,
        VersionFile.MODEL.artifact(),
        "application/octet-stream",
        Files.readAllBytes(modelDir.resolve("heat-demand.onnx")));
    tracker.logArtifact(
        run,
        VersionFile.MANIFEST.artifact(),
        "application/json",
        Files.readAllBytes(modelDir.resolve("manifest.json")));
    tracker.logMetric(run, "mlp.all.mae_kw", 1.25);
    tracker.finishRun(run, RunStatus.FINISHED);
    ModelRegistry registry = new ModelRegistry(db);
    var why = new ChangeRequest("PortfolioBench", "fixture model", Map.of());
    int version =
        registry.register("heat-demand", run, "fixture", Map.of(), why).version().version();
    registry.setAlias(
        "heat-demand", Alias.CHAMPION, version, Authority.MANUAL_BEFORE_PROMOTION, why);
  }
}
