package de.vorlauf.inference.serving;

import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.models.ServedVersion;
import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.domain.training.BuildingAttributes;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.DemandInputs;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.domain.training.ServingRules;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelSessions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The building's heat demand over the coming hour from the registry's model: the alias resolved
 * through the {@link Versions} port (it moves), the input row built by {@link DemandInputs} exactly
 * as training builds its samples, the graph run through {@link ModelSessions}, the rest by {@link
 * ServingRules} (horizon, minimum quality, uncertainty, W/m² → kW).
 *
 * <p>No model, alias, area or usable input hour, or a model that fails: no prediction, with the
 * reason; the optimiser then runs the building's own curve.
 */
public final class DemandServing {

  /** Where the version an alias names is read (persistence's {@code ServingRegistry::served}). */
  @FunctionalInterface
  public interface Versions {
    Optional<ServedVersion> served(String model, String ref) throws Exception;
  }

  /** A prediction, or why there is none. */
  public record Outcome(DemandPrediction prediction, String missing) {}

  /**
   * The version a decision predicts with, resolved once per decision instant, and the minimum
   * quality its training run used; or why there is none.
   */
  public record Model(ServedVersion version, double minQuality, String missing) {
    public static Model none(String why) {
      return new Model(null, ServingRules.DEFAULT_MIN_QUALITY, why);
    }
  }

  private final Versions versions;
  private final ModelSessions sessions;
  private final HolidayCalendar holidays;

  public DemandServing(Versions versions, ModelSessions sessions, HolidayCalendar holidays) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
  }

  /** The version {@code alias} names now, with its run's minimum quality and horizon checked. */
  public Model resolve(String model, String alias) {
    if (model == null || alias == null) {
      return Model.none("the batch names no model");
    }
    try {
      Optional<ServedVersion> version = versions.served(model, alias);
      if (version.isEmpty()) {
        return Model.none("model " + model + " has no version " + alias);
      }
      String horizon = ServingRules.horizonProblem(version.get());
      if (horizon != null) {
        return Model.none(horizon);
      }
      return new Model(version.get(), ServingRules.minQuality(version.get()), null);
    } catch (Exception e) {
      return Model.none("model " + model + " " + alias + ": " + e.getMessage());
    }
  }

  /**
   * @param hours the building's hour aggregates before {@code issuedAt}
   * @param issuedAt the whole hour the prediction is issued at
   */
  public Outcome predict(
      BuildingConfig config, List<HourAggregate> hours, Instant issuedAt, Model model) {
    if (model.version() == null) {
      return new Outcome(null, model.missing());
    }
    DemandInputs.Served served =
        DemandInputs.serve(
            new BuildingAttributes(
                config.buildingId(), config.heatingType(), config.areaM2(), config.yearBuilt()),
            hours,
            issuedAt,
            DemandInputs.TargetCalendar.of(issuedAt, config.timeZone(), holidays),
            model.minQuality());
    if (served.row() == null) {
      return new Outcome(null, served.problem());
    }
    ServedVersion v = model.version();
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
    return new Outcome(
        new DemandPrediction(
            v.model(),
            v.version(),
            ServingRules.heatKw(wattsPerM2, config),
            ServingRules.uncertaintyKw(v, config)),
        null);
  }
}
