package de.vorlauf.activities.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.Fallback;
import de.vorlauf.domain.optimization.HeatingCurveOptimizer;
import de.vorlauf.domain.optimization.HourObservation;
import de.vorlauf.domain.optimization.OptimizationInput;
import de.vorlauf.domain.optimization.OptimizationResult;
import java.util.List;

/**
 * A stand-in for the strategies (another branch): the building's own curve at the forecast's first
 * hour (else the newest measured hour), a fallback without a prediction. Enough to drive the
 * activity's plumbing; it decides nothing worth testing.
 */
final class OwnCurveOptimizer implements HeatingCurveOptimizer {

  @Override
  public OptimizationResult optimize(OptimizationInput input) {
    BuildingConfig config = input.config();
    BuildingState state = input.state();
    HourObservation latest = state.latest();
    double outdoor =
        input.outdoorForecastC().isEmpty()
            ? (latest == null ? 0 : latest.outdoorC())
            : input.outdoorForecastC().get(0);
    double flow = config.flowTemperatureC(state.asOf(), outdoor);
    boolean fallback = input.demand() == null;
    return new OptimizationResult(
        config.buildingId(),
        state.asOf(),
        flow,
        config.comfortTempMin(),
        latest != null && Double.isFinite(latest.indoorC()),
        flow,
        0,
        fallback ? 0 : 0.5,
        List.of(),
        List.of(),
        state.asOf().plusSeconds(3600),
        fallback ? Fallback.NO_MODEL : null,
        fallback ? Fallback.NO_MODEL.meaning() : null,
        input.demand());
  }
}
