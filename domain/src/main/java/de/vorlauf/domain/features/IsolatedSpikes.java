package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds isolated spikes: a reading that jumps away from both its neighbours by more than {@link
 * #JUMP_FRACTION} of its sensor's catalogue range while the two neighbours agree with each other
 * (within half that). Ingestion quarantines values outside the catalogue range; a spike inside it
 * is stored like any reading, and one minute of a flow rate 1,250 L/min too high (a quarter of the
 * catalogue's 0..5,000) turns a 15-minute slot of a 4 L/min district-heating circuit into 20 times
 * its heat power. No heating circuit moves a tenth of its sensor's range for one reading and back:
 * flow and return temperatures follow the controller within minutes (thermal mass), a flow rate
 * steps when a pump starts or stops and then stays. So such a reading is left out of the slot mean
 * like a {@code bad} one, and counted with them.
 *
 * <p>Only readings whose neighbours are close in time are judged ({@link #MAX_NEIGHBOUR_DISTANCE}:
 * one slot): between sparse readings a jump may be a real change. The first and last reading of a
 * series have one neighbour and are kept, so "features now" judges the newest reading only once the
 * next has arrived.
 */
public final class IsolatedSpikes {

  /** A jump of more than this share of the catalogue range away from both neighbours. */
  public static final double JUMP_FRACTION = 0.1;

  /** Neighbours further away than one slot do not judge a reading. */
  public static final Duration MAX_NEIGHBOUR_DISTANCE = FeatureRules.SLOT;

  private IsolatedSpikes() {}

  /**
   * Marks the spikes among one sensor's readings.
   *
   * @param readings the sensor's readings, in any order; sorted by time in place
   * @return per reading (in the sorted order) whether it is an isolated spike
   */
  public static boolean[] find(String sensorId, List<RawReading> readings) {
    boolean[] spikes = new boolean[readings.size()];
    Optional<SensorDefinition> definition = SensorCatalogue.standard().find(sensorId);
    if (definition.isEmpty() || readings.size() < 3) {
      return spikes;
    }
    double jump = JUMP_FRACTION * (definition.get().max() - definition.get().min());
    readings.sort(Comparator.comparing(RawReading::time));
    long maxGap = MAX_NEIGHBOUR_DISTANCE.toSeconds();
    int previous = -1;
    for (int i = 0; i < readings.size(); i++) {
      RawReading reading = readings.get(i);
      if (reading.quality() == Quality.BAD) {
        continue;
      }
      int next = nextUsable(readings, i + 1);
      if (previous >= 0 && next >= 0) {
        RawReading before = readings.get(previous);
        RawReading after = readings.get(next);
        boolean close =
            reading.time().getEpochSecond() - before.time().getEpochSecond() <= maxGap
                && after.time().getEpochSecond() - reading.time().getEpochSecond() <= maxGap;
        double v = reading.value();
        if (close
            && Math.abs(v - before.value()) > jump
            && Math.abs(v - after.value()) > jump
            && Math.abs(after.value() - before.value()) <= jump / 2) {
          spikes[i] = true;
          continue; // a spike is no neighbour: the next reading is judged against the one before
        }
      }
      previous = i;
    }
    return spikes;
  }

  private static int nextUsable(List<RawReading> readings, int from) {
    for (int j = from; j < readings.size(); j++) {
      if (readings.get(j).quality() != Quality.BAD) {
        return j;
      }
    }
    return -1;
  }
}
