package de.vorlauf.persistence.timeseries;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series ids by key, at most {@code capacity} of them; the least recently used is evicted beyond.
 * An evicted key is looked up (or created) in the database again on its next use, so eviction costs
 * a round trip, never correctness: ids never change. Used by one writer thread only, hence
 * unsynchronised.
 */
final class SeriesCache {

  private final int capacity;
  private final LinkedHashMap<SeriesKey, Integer> ids;
  private long hits;
  private long misses;
  private long evictions;

  SeriesCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.ids =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SeriesKey, Integer> eldest) {
            if (size() > SeriesCache.this.capacity) {
              evictions++;
              return true;
            }
            return false;
          }
        };
  }

  /** The id, or null when the key is not cached (counted as a miss). */
  Integer get(SeriesKey key) {
    Integer id = ids.get(key);
    if (id == null) {
      misses++;
    } else {
      hits++;
    }
    return id;
  }

  void put(SeriesKey key, int id) {
    ids.put(key, id);
  }

  int size() {
    return ids.size();
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }

  long evictions() {
    return evictions;
  }
}
