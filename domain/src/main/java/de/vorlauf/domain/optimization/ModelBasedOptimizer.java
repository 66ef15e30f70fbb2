package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.EquipmentLimits;
import de.vorlauf.domain.heating.HeatingCurve;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The optimiser's pipeline, the same for every heating type: the building's own curve as the
 * baseline; a fallback to it, with the cause, whenever the model or the data are not usable; else
 * the heat the hour needs at the target room, the lowest flow temperature that delivers it, the
 * heating type's own rules ({@link #shape}), and the equipment's and curve's flow range.
 */
abstract class ModelBasedOptimizer implements HeatingCurveOptimizer {

  /**
   * The setpoint lasts the hour plus this, so one missed hourly run returns the device to its
   * curve.
   */
  static final Duration GRACE = Duration.ofMinutes(10);

  private final FallbackPolicy policy = new FallbackPolicy();

  @Override
  public final OptimizationResult optimize(OptimizationInput input) {
    BuildingConfig config = input.config();
    Instant asOf = input.state().asOf();
    Baseline baseline = Baseline.of(input);
    HistorySummary history = HistorySummary.of(input.state());
    FallbackPolicy.Decision decision = policy.decide(input, baseline, history);
    if (decision.fallback() != null) {
      return fallback(input, baseline, history, decision);
    }
    EmitterModel emitter = decision.emitter();
    ComfortConstraintChecker comfort = new ComfortConstraintChecker(config);
    boolean measured = history.indoorMeasured() && emitter.roomMeasured();
    double target =
        targetRoomC(
            input,
            history,
            decision.uaKwPerK(),
            measured,
            comfort.targetRoomC(asOf, measured, honoursSetback()));
    DemandPrediction demand = input.demand();
    HeatNeed need =
        HeatNeed.of(
            demand.heatKw(),
            target,
            decision.uaKwPerK(),
            decision.historyRoomC(),
            input.state().history(),
            history.last(),
            emitter,
            baseline.outdoorC());
    HourPlan plan =
        new HourPlan(
            config,
            baseline.outdoorC(),
            target,
            need,
            emitter,
            history,
            decision.uaKwPerK(),
            input);
    Setpoint setpoint = new Setpoint(plan.lowestFlowC());
    if (need.recovering()) {
      setpoint.binding().add("comfort recovery: the room was below target last hour");
    }
    shape(plan, setpoint);
    clamp(config, setpoint);
    double savings = savingsPercent(plan, baseline, setpoint.flowC());
    return new OptimizationResult(
        config.buildingId(),
        asOf,
        setpoint.flowC(),
        target,
        history.indoorMeasured(),
        baseline.flowC(),
        savings,
        confidence(history, demand, emitter),
        setpoint.binding(),
        setpoint.violated(),
        asOf.plus(Duration.ofHours(1)).plus(GRACE),
        null,
        null,
        demand);
  }

  /** The heating type's rules, starting from the lowest flow that delivers the heat needed. */
  protected abstract void shape(HourPlan plan, Setpoint setpoint);

  /**
   * The room temperature to aim at for the hour; {@code usual} is the comfort rule's (minimum plus
   * margin, night setback if {@link #honoursSetback}). A strategy may move it within the comfort
   * band, never below the comfort minimum.
   */
  protected double targetRoomC(
      OptimizationInput input,
      HistorySummary history,
      double uaKwPerK,
      boolean roomMeasured,
      double usual) {
    return usual;
  }

  /** Whether the night setback lowers the target room (never below the comfort floor). */
  protected boolean honoursSetback() {
    return true;
  }

  /** The equipment's limits and the curve's own range: no setpoint leaves either. */
  static void clamp(BuildingConfig config, Setpoint setpoint) {
    EquipmentLimits limits = config.heatingType().limits();
    HeatingCurve curve = config.curve();
    double low = Math.max(limits.minFlowC(), curve.minFlowC());
    double high = Math.min(limits.maxFlowC(), curve.maxFlowC());
    if (setpoint.flowC() < low) {
      setpoint.move(
          low,
          limits.minFlowC() >= curve.minFlowC() ? "equipment minimum flow" : "curve minimum flow");
    } else if (setpoint.flowC() > high) {
      String which =
          limits.maxFlowC() <= curve.maxFlowC() ? "equipment maximum flow" : "curve maximum flow";
      setpoint.move(high, which);
      setpoint.violated(which + ": the heat needed asks for a higher flow temperature");
    }
  }

  /**
   * Predicted saving of final energy against the baseline curve for the hour, in percent of the
   * baseline's. The baseline's heat is what its flow delivers into the room the history shows at
   * this hour; the recommendation's what its flow delivers into the target room. A recommendation
   * that costs more gives a negative number (never reported as a saving); the value is clamped to
   * [−100, 100], and 0 when the baseline draws nothing.
   */
  static double savingsPercent(HourPlan plan, Baseline baseline, double flowC) {
    EmitterModel emitter = plan.emitter();
    var type = plan.config().heatingType();
    double baseRoom = plan.need().historyRoomC();
    double baseHeat = emitter.heatAt(baseline.flowC(), baseRoom);
    double base =
        FinalEnergy.kWh(
            type,
            baseHeat,
            baseline.flowC(),
            emitter.returnAt(baseline.flowC(), baseRoom),
            plan.outdoorC());
    double heat = emitter.heatAt(flowC, plan.targetRoomC());
    double recommended = FinalEnergy.kWh(type, heat, flowC, plan.returnAt(flowC), plan.outdoorC());
    if (!(base > 0)) {
      return 0;
    }
    return Math.max(-100, Math.min(100, 100 * (base - recommended) / base));
  }

  /**
   * Confidence in [0, 1]: the history's mean data quality, times one minus the model's relative
   * uncertainty (a half when the model states none), times the emitter fit's quality.
   */
  static double confidence(HistorySummary history, DemandPrediction demand, EmitterModel emitter) {
    double relative = demand.uncertaintyKw() / demand.heatKw();
    double model = Double.isFinite(relative) ? 1 - Math.min(1, Math.max(0, relative)) : 0.5;
    double value = history.meanQuality() * model * emitter.fitQuality();
    return Math.max(0, Math.min(1, value));
  }

  private static OptimizationResult fallback(
      OptimizationInput input,
      Baseline baseline,
      HistorySummary history,
      FallbackPolicy.Decision decision) {
    Instant asOf = input.state().asOf();
    return new OptimizationResult(
        input.config().buildingId(),
        asOf,
        baseline.flowC(),
        curveRoomC(input.config(), asOf),
        history.indoorMeasured(),
        baseline.flowC(),
        0,
        0,
        List.of(),
        List.of(),
        asOf.plus(Duration.ofHours(1)).plus(GRACE),
        decision.fallback(),
        decision.reason(),
        input.demand());
  }

  /** The room temperature the building's own curve aims at: its reference room, setback applied. */
  private static double curveRoomC(BuildingConfig config, Instant at) {
    var setback = config.nightSetback();
    return HeatingCurve.REFERENCE_ROOM_C
        + setback.roomShiftK(setback.activeAt(at, config.timeZone()));
  }
}
