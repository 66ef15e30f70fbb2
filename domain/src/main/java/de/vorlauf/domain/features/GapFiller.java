package de.vorlauf.domain.features;

import static de.vorlauf.domain.features.FeatureRules.FILL_MAX_SLOTS;
import static de.vorlauf.domain.features.FeatureRules.INTERPOLATE_MAX_SLOTS;

import java.util.Arrays;

/**
 * The gap rule, applied to one sensor's slot means. A gap is a run of n empty slots:
 *
 * <ul>
 *   <li>between two values: n ≤ 4 forward-filled from the value before; 5 ≤ n ≤ 8 interpolated
 *       linearly in time between the two values; n > 8 left empty;
 *   <li>at the edge of the available data (no value before it, or none after it, at all): its
 *       length is unknown, so the 4 slots next to the data are back- or forward-filled and the rest
 *       left empty.
 * </ul>
 *
 * <p>A run that reaches the edge of the grid while the sensor has data beyond that edge is a gap
 * between two values whose far end is outside the grid; the grid is read with {@link
 * FeatureRules#MARGIN_SLOTS} of margin, so such a run is either inside the margin (and not part of
 * the result) or longer than 8 and empty.
 */
public final class GapFiller {

  private GapFiller() {}

  /**
   * @param means slot means, NaN for an empty slot
   * @param dataBefore the sensor has readings before the grid's first slot
   * @param dataAfter the sensor has readings after the grid's last slot
   */
  public static FilledSeries fill(double[] means, boolean dataBefore, boolean dataAfter) {
    int n = means.length;
    double[] values = Arrays.copyOf(means, n);
    Provenance[] provenance = new Provenance[n];
    for (int i = 0; i < n; i++) {
      provenance[i] = Double.isNaN(means[i]) ? Provenance.EMPTY : Provenance.RAW;
    }
    int i = 0;
    while (i < n) {
      if (provenance[i] != Provenance.EMPTY) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < n && provenance[i] == Provenance.EMPTY) {
        i++;
      }
      fillRun(values, provenance, runStart, i, dataBefore, dataAfter);
    }
    return new FilledSeries(values, provenance);
  }

  private static void fillRun(
      double[] values,
      Provenance[] provenance,
      int from,
      int to,
      boolean dataBefore,
      boolean dataAfter) {
    boolean valueBefore = from > 0;
    boolean valueAfter = to < values.length;
    int length = to - from;
    if (valueBefore && valueAfter) {
      if (length <= FILL_MAX_SLOTS) {
        set(values, provenance, from, to, values[from - 1], Provenance.FILLED);
      } else if (length <= INTERPOLATE_MAX_SLOTS) {
        double a = values[from - 1];
        double b = values[to];
        for (int k = from; k < to; k++) {
          double t = (double) (k - from + 1) / (length + 1);
          values[k] = a + (b - a) * t;
          provenance[k] = Provenance.INTERPOLATED;
        }
      }
    } else if (valueBefore && !dataAfter) {
      set(
          values,
          provenance,
          from,
          Math.min(to, from + FILL_MAX_SLOTS),
          values[from - 1],
          Provenance.FILLED);
    } else if (valueAfter && !dataBefore) {
      set(
          values,
          provenance,
          Math.max(from, to - FILL_MAX_SLOTS),
          to,
          values[to],
          Provenance.FILLED);
    }
    // Otherwise: more than 8 slots between known values, or no data in the grid at all.
  }

  private static void set(
      double[] values, Provenance[] provenance, int from, int to, double v, Provenance p) {
    for (int k = from; k < to; k++) {
      values[k] = v;
      provenance[k] = p;
    }
  }
}
