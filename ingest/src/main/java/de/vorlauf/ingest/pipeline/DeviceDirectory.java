package de.vorlauf.ingest.pipeline;

import de.vorlauf.persistence.ingest.DeviceInfo;
import java.sql.SQLException;
import java.util.Optional;

/** Looks devices up in the registry. Implementations are thread-safe. */
public interface DeviceDirectory {

  /**
   * @return empty when no device has this id
   * @throws SQLException the registry could not be asked (e.g. the database is down): the caller
   *     must not decide about the message now
   */
  Optional<DeviceInfo> find(String deviceId) throws SQLException;

  /** Forgets what is known about a device, e.g. after it was registered or changed here. */
  default void invalidate(String deviceId) {}
}
