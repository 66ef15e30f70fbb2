package de.vorlauf.persistence.timeseries;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series ids, at most {@code capacity} of them; beyond, the devices used least recently are evicted
 * with all their series. An evicted series is looked up (or created) in the database again on its
 * next use, so eviction costs a round trip, never correctness: ids never change. Used by one writer
 * thread only, hence unsynchronised.
 *
 * <p>Two levels, device then sensor, because this lookup runs for every reading on the writer
 * thread: within a message building, device and unit are the same string instances (the device
 * cache's building, the catalogue's unit), so a hit costs one hash lookup by device, a reference
 * comparison of the building and one lookup by sensor — no key object per reading.
 */
final class SeriesCache {

  /** One device's series while it belongs to {@code buildingId}. */
  private static final class Device {
    final String buildingId;
    final LinkedHashMap<String, UnitId> bySensor = new LinkedHashMap<>(16, 0.75f, true);

    Device(String buildingId) {
      this.buildingId = buildingId;
    }
  }

  /** A sensor's series per unit (almost always one: readings are in the canonical unit). */
  private record UnitId(String unit, int id, UnitId next) {}

  private final int capacity;
  private final LinkedHashMap<String, Device> devices = new LinkedHashMap<>(1 << 10, 0.75f, true);
  private int size;
  private long hits;
  private long misses;
  private long evictions;

  SeriesCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** The id, or -1 when the series is not cached (counted as a miss). */
  int get(String buildingId, String deviceId, String sensorId, String unit) {
    Device device = devices.get(deviceId);
    if (device != null
        && (device.buildingId == buildingId || device.buildingId.equals(buildingId))) {
      for (UnitId u = device.bySensor.get(sensorId); u != null; u = u.next()) {
        if (u.unit() == unit || u.unit().equals(unit)) {
          hits++;
          return u.id();
        }
      }
    }
    misses++;
    return -1;
  }

  Integer get(SeriesKey key) {
    int id = get(key.buildingId(), key.deviceId(), key.sensorId(), key.unit());
    return id < 0 ? null : id;
  }

  void put(SeriesKey key, int id) {
    Device device = devices.get(key.deviceId());
    if (device == null || !device.buildingId.equals(key.buildingId())) {
      if (device != null) {
        // the device moved: its old building's series leave the cache
        size -= count(device);
        evictions += count(device);
      }
      device = new Device(key.buildingId());
      devices.put(key.deviceId(), device);
    }
    UnitId first = device.bySensor.get(key.sensorId());
    for (UnitId u = first; u != null; u = u.next()) {
      if (u.unit().equals(key.unit())) {
        return;
      }
    }
    device.bySensor.put(key.sensorId(), new UnitId(key.unit(), id, first));
    size++;
    evict();
  }

  private void evict() {
    Iterator<Map.Entry<String, Device>> eldest = devices.entrySet().iterator();
    while (size > capacity && eldest.hasNext()) {
      Device device = eldest.next().getValue();
      int n = count(device);
      if (devices.size() == 1) {
        // one device holds more series than the capacity: its least recently used sensors go
        Iterator<UnitId> sensors = device.bySensor.values().iterator();
        while (size > capacity && sensors.hasNext()) {
          int m = 0;
          for (UnitId u = sensors.next(); u != null; u = u.next()) {
            m++;
          }
          sensors.remove();
          size -= m;
          evictions += m;
        }
        return;
      }
      eldest.remove();
      size -= n;
      evictions += n;
    }
  }

  private static int count(Device device) {
    int n = 0;
    for (UnitId first : device.bySensor.values()) {
      for (UnitId u = first; u != null; u = u.next()) {
        n++;
      }
    }
    return n;
  }

  int size() {
    return size;
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
