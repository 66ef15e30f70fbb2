package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The parts of the vendor's JSON the poller uses. */
final class CloudModel {

  private CloudModel() {}

  /** One device of an installation, reached through its gateway. */
  record Device(String installationId, String gatewaySerial, String deviceId) {}

  /** The latest value of a feature; only its time matters to the poller. */
  record Feature(String feature, Instant timestamp) {}

  /**
   * One point of a feature's history.
   *
   * @param value as the cloud sent it (a number, or something the ingest validation refuses)
   */
  record Point(Instant timestamp, JsonNode value, String unit) {}

  /**
   * @param truncated more points exist after the last one
   */
  record HistoryPage(List<Point> points, boolean truncated) {}
}
