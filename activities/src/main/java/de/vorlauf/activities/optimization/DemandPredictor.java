package de.vorlauf.activities.optimization;

import de.vorlauf.activities.models.RegisteredModels;
import de.vorlauf.activities.training.TrainingResult;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.domain.training.BuildingAttributes;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.DemandInputs;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelSessions;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.RunDetail;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.optimization.BuildingStates;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The building's heat demand over the coming hour from the registry's model: the alias resolved per
 * call (it moves), the input row built by {@link DemandInputs} exactly as training builds its
 * samples, the graph run through {@link ModelSessions}, W/m² × area → kW. The uncertainty is the
 * version's holdout MAE for the building's heating type (else over all types) as the training run
 * recorded it, NaN when it recorded none. The version is resolved once per batch; its run's {@code
 * min_quality} is the serving threshold too, and a run trained for another horizon than the next
 * hour is not served.
 *
 * <p>No model, alias, area or usable input hour, or a model that fails: no prediction, with the
 * reason; the optimiser then runs the building's own curve.
 */
final class DemandPredictor {

  /** Training's minimum hour quality, for a run that did not record its own. */
  static final double DEFAULT_MIN_QUALITY = 0.8;

  /** A prediction, or why there is none. */
  record Outcome(DemandPrediction prediction, String missing) {}

  /**
   * The version a batch predicts with, resolved once per batch (one decision instant), and the
   * rules its training run used; or why there is none.
   */
  record Model(ModelVersion version, double minQuality, String missing) {
    static Model none(String why) {
      return new Model(null, DEFAULT_MIN_QUALITY, why);
    }
  }

  private final RegisteredModels models;
  private final ExperimentQueries runs;
  private final ModelSessions sessions;
  private final HolidayCalendar holidays;

  DemandPredictor(
      RegisteredModels models,
      ExperimentQueries runs,
      ModelSessions sessions,
      HolidayCalendar holidays) {
    this.models = Objects.requireNonNull(models, "models");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
  }

  /** The version {@code alias} names now, with its run's minimum quality and horizon checked. */
  Model resolve(String model, String alias) {
    if (model == null || alias == null) {
      return Model.none("the batch names no model");
    }
    try {
      Optional<ModelVersion> version = models.version(model, alias);
      if (version.isEmpty()) {
        return Model.none("model " + model + " has no version " + alias);
      }
      Map<String, String> params =
          runs.run(version.get().runId()).map(RunDetail::params).orElse(Map.of());
      String horizon = params.getOrDefault("horizon_hours", "1");
      if (!horizon.equals("1")) {
        return Model.none(
            "%s v%d predicts %s hours ahead; the optimiser needs the next hour"
                .formatted(model, version.get().version(), horizon));
      }
      double minQuality =
          Double.parseDouble(
              params.getOrDefault("min_quality", Double.toString(DEFAULT_MIN_QUALITY)));
      return new Model(version.get(), minQuality, null);
    } catch (SQLException | RuntimeException e) {
      return Model.none("model " + model + " " + alias + ": " + e.getMessage());
    }
  }

  Outcome predict(BuildingConfig config, BuildingStates.Read read, Model model) {
    if (model.version() == null) {
      return new Outcome(null, model.missing());
    }
    DemandInputs.Served served =
        DemandInputs.serve(
            new BuildingAttributes(
                config.buildingId(), config.heatingType(), config.areaM2(), config.yearBuilt()),
            read.hours(),
            read.issuedAt(),
            DemandInputs.TargetCalendar.of(read.issuedAt(), config.timeZone(), holidays),
            model.minQuality());
    if (served.row() == null) {
      return new Outcome(null, served.problem());
    }
    ModelVersion v = model.version();
    float[] row = new float[DemandFeature.count()];
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) served.row()[i];
    }
    float wattsPerM2;
    try {
      wattsPerM2 = sessions.predict(new ModelKey(v.model(), v.version()), row);
    } catch (RuntimeException e) {
      return new Outcome(null, v.model() + " v" + v.version() + ": " + e.getMessage());
    }
    double kw = wattsPerM2 * config.areaM2() / 1000.0;
    return new Outcome(
        new DemandPrediction(v.model(), v.version(), kw, uncertaintyKw(v, config)), null);
  }

  private static String maeKey(String heatingType) {
    return TrainingResult.MODEL + "." + heatingType + ".mae_kw";
  }

  private static double uncertaintyKw(ModelVersion version, BuildingConfig config) {
    // the training run records <model>.<type>.mae_kw per heating type and over all types
    Double mae = version.metrics().get(maeKey(config.heatingType().code()));
    if (mae == null) {
      mae = version.metrics().get(maeKey(TrainingResult.ALL_TYPES));
    }
    return mae == null ? Double.NaN : mae;
  }
}
