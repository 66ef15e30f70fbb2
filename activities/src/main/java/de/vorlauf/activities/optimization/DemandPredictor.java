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
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.optimization.BuildingStates;
import java.util.Objects;
import java.util.Optional;

/**
 * The building's heat demand over the coming hour from the registry's model: the alias resolved per
 * call (it moves), the input row built by {@link DemandInputs} exactly as training builds its
 * samples, the graph run through {@link ModelSessions}, W/m² × area → kW. The uncertainty is the
 * version's holdout MAE for the building's heating type (else over all types) as the training run
 * recorded it, NaN when it recorded none. Serves horizon 1 h, the training default.
 *
 * <p>No model, alias, area or usable input hour, or a model that fails: no prediction, with the
 * reason; the optimiser then runs the building's own curve.
 */
final class DemandPredictor {

  /** An hour the model reads below this mean quality: no prediction (training's default). */
  static final double MIN_QUALITY = 0.8;

  /** A prediction, or why there is none. */
  record Outcome(DemandPrediction prediction, String missing) {}

  private final RegisteredModels models;
  private final ModelSessions sessions;
  private final HolidayCalendar holidays;

  DemandPredictor(RegisteredModels models, ModelSessions sessions, HolidayCalendar holidays) {
    this.models = Objects.requireNonNull(models, "models");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
  }

  Outcome predict(BuildingConfig config, BuildingStates.Read read, String model, String alias) {
    if (model == null || alias == null) {
      return new Outcome(null, "the batch names no model");
    }
    Optional<ModelVersion> version;
    try {
      version = models.version(model, alias);
    } catch (RuntimeException e) {
      return new Outcome(null, "model " + model + " " + alias + ": " + e.getMessage());
    }
    if (version.isEmpty()) {
      return new Outcome(null, "model " + model + " has no version " + alias);
    }
    DemandInputs.Served served =
        DemandInputs.serve(
            new BuildingAttributes(
                config.buildingId(), config.heatingType(), config.areaM2(), config.yearBuilt()),
            read.hours(),
            read.issuedAt(),
            DemandInputs.TargetCalendar.of(read.issuedAt(), config.timeZone(), holidays),
            MIN_QUALITY);
    if (served.row() == null) {
      return new Outcome(null, served.problem());
    }
    ModelVersion v = version.get();
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
