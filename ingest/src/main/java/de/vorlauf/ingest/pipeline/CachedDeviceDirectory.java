package de.vorlauf.ingest.pipeline;

import de.vorlauf.persistence.ingest.DeviceInfo;
import de.vorlauf.persistence.ingest.DeviceInfoStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * The device registry ({@code devices}) behind a small cache: a known device is trusted for {@code
 * ttl} (so a deactivation takes effect within it), an unknown one is asked again after {@code
 * missTtl} (so a device registered a moment ago is accepted almost at once, while a flood from an
 * unregistered device does not turn into a query per message).
 */
public final class CachedDeviceDirectory implements DeviceDirectory {

  private record Entry(DeviceInfo info, Instant expires) {}

  private final DataSource dataSource;
  private final DeviceInfoStore store = new DeviceInfoStore();
  private final Duration ttl;
  private final Duration missTtl;
  private final Clock clock;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

  public CachedDeviceDirectory(DataSource dataSource, Duration ttl, Duration missTtl, Clock clock) {
    this.dataSource = dataSource;
    this.ttl = ttl;
    this.missTtl = missTtl;
    this.clock = clock;
  }

  @Override
  public Optional<DeviceInfo> find(String deviceId) throws SQLException {
    Instant now = clock.instant();
    Entry entry = cache.get(deviceId);
    if (entry != null && now.isBefore(entry.expires())) {
      return Optional.ofNullable(entry.info());
    }
    DeviceInfo info = query(deviceId);
    if (cache.size() > 200_000) {
      cache.clear(); // ids are attacker-chosen on an open broker: never grow without bound
    }
    cache.put(deviceId, new Entry(info, now.plus(info == null ? missTtl : ttl)));
    return Optional.ofNullable(info);
  }

  @Override
  public void invalidate(String deviceId) {
    cache.remove(deviceId);
  }

  private DeviceInfo query(String deviceId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return store.find(connection, deviceId).orElse(null);
    }
  }
}
