package de.vorlauf.domain.training;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.models.ServedVersion;

/**
 * The rules a heat-demand model version is served by, the same wherever it is served (the hourly
 * run in the worker, the real-time endpoint in the WAR): only a version trained for the next hour,
 * the training run's minimum hour quality as the serving threshold, the version's holdout MAE as
 * the prediction's uncertainty, the model's W/m² scaled by the building's area to kW.
 */
public final class ServingRules {

  /** The network's metric prefix, as the training run records it ({@code mlp.<type>.mae_kw}). */
  public static final String NETWORK = "mlp";

  /** The heating-type key of the metrics over all types. */
  public static final String ALL_TYPES = "all";

  /** Training's minimum hour quality, for a run that did not record its own. */
  public static final double DEFAULT_MIN_QUALITY = 0.8;

  private ServingRules() {}

  /** Why the version cannot serve the optimiser; null when it can. */
  public static String horizonProblem(ServedVersion version) {
    String horizon = version.runParams().getOrDefault("horizon_hours", "1");
    return horizon.equals("1")
        ? null
        : "%s v%d predicts %s hours ahead; the optimiser needs the next hour"
            .formatted(version.model(), version.version(), horizon);
  }

  /** The training run's minimum hour quality, the serving threshold too. */
  public static double minQuality(ServedVersion version) {
    return Double.parseDouble(
        version.runParams().getOrDefault("min_quality", Double.toString(DEFAULT_MIN_QUALITY)));
  }

  /**
   * The version's holdout MAE for the building's heating type, else over all types; NaN when the
   * run recorded none.
   */
  public static double uncertaintyKw(ServedVersion version, BuildingConfig config) {
    Double mae = version.metrics().get(maeKey(config.heatingType().code()));
    if (mae == null) {
      mae = version.metrics().get(maeKey(ALL_TYPES));
    }
    return mae == null ? Double.NaN : mae;
  }

  /** The model's output (W per m² of heated area) as the building's kW. */
  public static double heatKw(double wattsPerM2, BuildingConfig config) {
    return wattsPerM2 * config.areaM2() / 1000.0;
  }

  /** The training run's metric name of the network's MAE in kW for {@code heatingType}. */
  public static String maeKey(String heatingType) {
    return NETWORK + "." + heatingType + ".mae_kw";
  }
}
