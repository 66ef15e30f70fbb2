package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.LocalHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The heat the coming hour needs to hold the target room temperature, from two estimates:
 *
 * <ul>
 *   <li>the building's energy signature: {@code UA · (target − forecast outdoor) − free gains}, the
 *       gains being the history's mean of {@code UA · (room − outdoor) − heat};
 *   <li>the model's prediction, which is the heat under the operation seen in the history, i.e. at
 *       the room temperature the history shows at this hour of the day, moved to the target room:
 *       {@code prediction + UA · (target − history room)}.
 * </ul>
 *
 * The model gets {@link #MODEL_WEIGHT}: its strongest inputs are the building's own recent demand,
 * which in a closed loop is the optimiser's own last decision, so leaning on it feeds each hour's
 * setpoint back into the next. Measured in the closed loop (docs/benchmarks.md, issue 22): with the
 * model alone the fleet oscillated daily and used 14 % more energy; with weight 0.5 8 % more; with
 * 0.25 and with 0 the loop was stable and equal within 0.01 %. A room that is now off target adds a
 * proportional correction, stronger upwards than downwards, because comfort is scored below the
 * minimum only.
 *
 * @param heatKw the heat to deliver, kW, not negative
 * @param historyRoomC the room temperature the prediction belongs to
 * @param latestRoomC the last hour's room temperature (measured or implied), NaN if unknown
 * @param recovering whether the correction for a room below target raised the heat
 * @param freeGainsKw the history's mean free gains (people, appliances, sun), kW
 */
record HeatNeed(
    double heatKw,
    double historyRoomC,
    double latestRoomC,
    boolean recovering,
    double freeGainsKw) {

  /** The model's share of the heat need; the energy signature has the rest. */
  static final double MODEL_WEIGHT = 0.25;

  /** Hours of heat loss per kelvin below target added to recover a cold room. */
  static final double RECOVERY_GAIN_UP = 3.0;

  /** Hours of heat loss per kelvin above target removed to let a warm room cool to target. */
  static final double RECOVERY_GAIN_DOWN = 1.0;

  /** The correction counts at most this many kelvin of deviation (an estimate can be far off). */
  static final double MAX_DEVIATION_K = 2.0;

  /** A local hour of day needs this many observations for its own room temperature. */
  static final int MIN_SAME_HOUR = 2;

  /**
   * @param historyRoom the history's room temperature at this hour of day ({@link #historyRoomC})
   */
  static HeatNeed of(
      double predictedKw,
      double targetRoomC,
      double uaKwPerK,
      double historyRoom,
      List<HourObservation> history,
      HourObservation last,
      EmitterModel emitter,
      double outdoorC) {
    double latestRoom = last == null ? Double.NaN : EmitterEstimator.roomC(last, emitter);
    double modelNeed = predictedKw + uaKwPerK * (targetRoomC - historyRoom);
    double gains = freeGainsKw(history, emitter, uaKwPerK);
    double signatureNeed = uaKwPerK * (targetRoomC - outdoorC) - gains;
    double need = MODEL_WEIGHT * modelNeed + (1 - MODEL_WEIGHT) * signatureNeed;
    boolean recovering = false;
    if (Double.isFinite(latestRoom)) {
      double deviation =
          Math.max(-MAX_DEVIATION_K, Math.min(MAX_DEVIATION_K, targetRoomC - latestRoom));
      double gain = deviation > 0 ? RECOVERY_GAIN_UP : RECOVERY_GAIN_DOWN;
      need += gain * uaKwPerK * deviation;
      recovering = deviation > 0;
    }
    return new HeatNeed(Math.max(0, need), historyRoom, latestRoom, recovering, gains);
  }

  /** Mean heat the building got for free (people, appliances, sun): {@code UA·ΔT − heat}. */
  static double freeGainsKw(List<HourObservation> history, EmitterModel emitter, double uaKwPerK) {
    double sum = 0;
    int n = 0;
    for (HourObservation h : history) {
      double room = EmitterEstimator.roomC(h, emitter);
      if (Double.isFinite(room)
          && Double.isFinite(h.outdoorC())
          && Double.isFinite(h.heatPowerKw())) {
        sum += uaKwPerK * (room - h.outdoorC()) - h.heatPowerKw();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /**
   * The mean room temperature of the history's hours at the same local hour of day as {@code asOf},
   * or of all its hours when too few of those are known.
   */
  static double historyRoomC(
      List<HourObservation> history, EmitterModel emitter, Instant asOf, ZoneId zone) {
    LocalHours local = new LocalHours(zone);
    int hourOfDay = local.hourOfDay(asOf);
    double sameSum = 0;
    int same = 0;
    double allSum = 0;
    int all = 0;
    for (HourObservation h : history) {
      double room = EmitterEstimator.roomC(h, emitter);
      if (!Double.isFinite(room)) {
        continue;
      }
      allSum += room;
      all++;
      if (local.hourOfDay(h.hour()) == hourOfDay) {
        sameSum += room;
        same++;
      }
    }
    return same >= MIN_SAME_HOUR ? sameSum / same : allSum / all;
  }
}
