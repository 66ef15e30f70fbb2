package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.util.Arrays;

/**
 * One sensor resampled onto a grid of 15-minute slots: per slot the mean of its good and uncertain
 * readings (NaN when it has none), how many readings that mean used, and how many {@code bad}
 * readings were left out. A slot whose readings are all bad is empty, like a slot with none.
 */
public final class SlotSeries {

  private final Instant start;
  private final double[] sums;
  private final int[] used;
  private final int[] bad;

  public SlotSeries(Instant start, int slots) {
    if (!FeatureRules.isSlotAligned(start)) {
      throw new IllegalArgumentException("slot grid must start on a 15-minute boundary: " + start);
    }
    this.start = start;
    this.sums = new double[slots];
    this.used = new int[slots];
    this.bad = new int[slots];
  }

  public int size() {
    return sums.length;
  }

  public Instant start() {
    return start;
  }

  /** Adds a reading; one outside the grid is ignored (the caller reads a wider range). */
  public void add(Instant time, double value, Quality quality) {
    long offset = time.getEpochSecond() - start.getEpochSecond();
    if (offset < 0) {
      return;
    }
    long slot = offset / FeatureRules.SLOT_SECONDS;
    if (slot >= sums.length) {
      return;
    }
    int i = (int) slot;
    if (quality == Quality.BAD) {
      bad[i]++;
    } else {
      sums[i] += value;
      used[i]++;
    }
  }

  /** The slot means, NaN where a slot has no good or uncertain reading. */
  public double[] means() {
    double[] means = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      means[i] = used[i] == 0 ? Double.NaN : sums[i] / used[i];
    }
    return means;
  }

  public int used(int slot) {
    return used[slot];
  }

  public int bad(int slot) {
    return bad[slot];
  }

  public boolean isEmpty() {
    return Arrays.stream(used).allMatch(n -> n == 0);
  }
}
