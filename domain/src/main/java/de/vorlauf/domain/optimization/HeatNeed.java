package de.vorlauf.domain.optimization;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The heat the coming hour needs to hold the target room temperature. The model predicts the heat
 * under the operation seen in the history, i.e. at the room temperature the history shows at this
 * hour of the day (lower at night where a setback ran); the heat-loss coefficient moves that to the
 * target room: {@code need = prediction + UA · (target − history room)}. A room that is now off
 * target (the model's error, a cold morning after the setback) adds a proportional correction,
 * stronger upwards than downwards, because comfort is scored below the minimum only.
 *
 * @param heatKw the heat to deliver, kW, not negative
 * @param historyRoomC the room temperature the prediction belongs to
 * @param latestRoomC the last hour's room temperature (measured or implied), NaN if unknown
 * @param recovering whether the correction for a room below target raised the heat
 */
record HeatNeed(double heatKw, double historyRoomC, double latestRoomC, boolean recovering) {

  /** Hours of heat loss per kelvin below target added to recover a cold room. */
  static final double RECOVERY_GAIN_UP = 3.0;

  /** Hours of heat loss per kelvin above target removed to let a warm room cool to target. */
  static final double RECOVERY_GAIN_DOWN = 1.0;

  /** The correction counts at most this many kelvin of deviation (an estimate can be far off). */
  static final double MAX_DEVIATION_K = 2.0;

  /** A local hour of day needs this many observations for its own room temperature. */
  static final int MIN_SAME_HOUR = 2;

  static HeatNeed of(
      double predictedKw,
      double targetRoomC,
      double uaKwPerK,
      List<HourObservation> history,
      HourObservation last,
      EmitterModel emitter,
      Instant asOf,
      ZoneId zone) {
    double historyRoom = historyRoomC(history, emitter, asOf, zone);
    double latestRoom = last == null ? Double.NaN : EmitterEstimator.roomC(last, emitter);
    double need = predictedKw + uaKwPerK * (targetRoomC - historyRoom);
    boolean recovering = false;
    if (Double.isFinite(latestRoom)) {
      double deviation =
          Math.max(-MAX_DEVIATION_K, Math.min(MAX_DEVIATION_K, targetRoomC - latestRoom));
      double gain = deviation > 0 ? RECOVERY_GAIN_UP : RECOVERY_GAIN_DOWN;
      need += gain * uaKwPerK * deviation;
      recovering = deviation > 0;
    }
    return new HeatNeed(Math.max(0, need), historyRoom, latestRoom, recovering);
  }

  /**
   * The mean room temperature of the history's hours at the same local hour of day as {@code asOf},
   * or of all its hours when too few of those are known.
   */
  static double historyRoomC(
      List<HourObservation> history, EmitterModel emitter, Instant asOf, ZoneId zone) {
    int hourOfDay = asOf.atZone(zone).getHour();
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
      if (h.hour().atZone(zone).getHour() == hourOfDay) {
        sameSum += room;
        same++;
      }
    }
    return same >= MIN_SAME_HOUR ? sameSum / same : allSum / all;
  }
}
