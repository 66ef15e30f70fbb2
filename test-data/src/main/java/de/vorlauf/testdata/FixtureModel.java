package de.vorlauf.testdata;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.VersionFile;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A small fixture heat-demand model ({@code optimization/} among this module's resources)
 * registered as {@code heat-demand} and made {@code champion}, for ITs that optimise through the
 * registry.
 */
public final class FixtureModel {

  public static final String MODEL = "heat-demand";

  /** The holdout MAE recorded with the run: the prediction's uncertainty. */
  public static final double MAE_KW = 1.25;

  private FixtureModel() {}

  public static void registerChampion(DataSource dataSource, String caller) throws Exception {
    JdbcExperimentTracker tracker = new JdbcExperimentTracker(dataSource, Clock.systemUTC());
    long run =
        tracker
            .startRun(new RunStart(caller, caller + "/train", "fixture", "0.1.0", "wf", "r"))
            .id();
    tracker.logArtifact(
        run,
        VersionFile.MODEL.artifact(),
        "application/octet-stream",
        resource("heat-demand.onnx"));
    tracker.logArtifact(
        run, VersionFile.MANIFEST.artifact(), "application/json", resource("manifest.json"));
    tracker.logMetric(run, "mlp.all.mae_kw", MAE_KW);
    tracker.finishRun(run, RunStatus.FINISHED);
    ModelRegistry registry = new ModelRegistry(dataSource);
    ChangeRequest why = new ChangeRequest(caller, "fixture model", Map.of());
    int version = registry.register(MODEL, run, "fixture", Map.of(), why).version().version();
    registry.setAlias(MODEL, Alias.CHAMPION, version, Authority.MANUAL_BEFORE_PROMOTION, why);
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = FixtureModel.class.getResourceAsStream("/optimization/" + name)) {
      return in.readAllBytes();
    }
  }
}
