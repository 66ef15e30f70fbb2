package de.vorlauf.simulator.cloud;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * One feature's values, one slot per minute from a start minute, {@code NaN} where nothing was
 * recorded. Thirty days are 43,200 doubles (about 340 kB), so ten installations with seven features
 * each stay around 25 MB where boxed points in maps would take several times that. Not thread-safe:
 * {@link RecordedCloudData} guards it.
 */
final class FeatureSeries {

  private static final int INITIAL_CAPACITY = 1_440;

  private long startMinute;
  private double[] values = new double[0];
  private int size;

  void put(long minute, double value) {
    if (size == 0) {
      startMinute = minute;
    }
    if (minute < startMinute) {
      prepend(Math.toIntExact(startMinute - minute));
    }
    int index = Math.toIntExact(minute - startMinute);
    if (index >= values.length) {
      grow(index + 1);
    }
    if (index >= size) {
      Arrays.fill(values, size, index, Double.NaN);
      size = index + 1;
    }
    values[index] = value;
  }

  double valueAt(long minute) {
    long index = minute - startMinute;
    return index < 0 || index >= size ? Double.NaN : values[(int) index];
  }

  /** The latest minute at or before {@code lastMinute} that holds a value, or {@code MIN_VALUE}. */
  long latestAtOrBefore(long lastMinute) {
    if (size == 0) {
      return Long.MIN_VALUE;
    }
    for (long m = Math.min(lastMinute, startMinute + size - 1); m >= startMinute; m--) {
      if (!Double.isNaN(values[(int) (m - startMinute)])) {
        return m;
      }
    }
    return Long.MIN_VALUE;
  }

  /**
   * Feeds the minutes in {@code [firstMinute, lastMinute]} that hold a value, ascending, stopping
   * after {@code limit} of them.
   *
   * @return whether a further value exists in the range after the last one fed
   */
  boolean forEachIn(long firstMinute, long lastMinute, int limit, LongConsumer minutes) {
    if (size == 0) {
      return false;
    }
    long from = Math.max(firstMinute, startMinute);
    long to = Math.min(lastMinute, startMinute + size - 1);
    int fed = 0;
    for (long m = from; m <= to; m++) {
      if (!Double.isNaN(values[(int) (m - startMinute)])) {
        if (fed == limit) {
          return true;
        }
        minutes.accept(m);
        fed++;
      }
    }
    return false;
  }

  private void grow(int minCapacity) {
    int capacity = Math.max(minCapacity, Math.max(INITIAL_CAPACITY, values.length * 2));
    values = Arrays.copyOf(values, capacity);
  }

  private void prepend(int shift) {
    double[] shifted = new double[Math.max(values.length, size + shift)];
    Arrays.fill(shifted, 0, shift, Double.NaN);
    System.arraycopy(values, 0, shifted, shift, size);
    values = shifted;
    size += shift;
    startMinute -= shift;
  }
}
