package de.vorlauf.worker.ingest;

import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.ingest.topic.GreenboxTopic;
import java.time.Duration;
import java.util.Objects;

/**
 * How the MQTT ingestor connects and consumes.
 *
 * @param password null for anonymous access; never logged
 * @param clientId stable per worker: the broker keeps this worker's session (unacknowledged and
 *     queued messages) under it across restarts
 * @param shareGroup name of the shared subscription group ({@code $share/<group>/...}); workers in
 *     the same group split the stream. Null: plain subscriptions, for a single worker: Mosquitto
 *     restores them after a restart (not shared ones)
 * @param receiveMaximum messages the broker may send before we acknowledge (MQTT 5 Receive
 *     Maximum): the inflight window that batching needs
 * @param sessionExpiry how long the broker keeps the session while this worker is away
 * @param threads ingest threads (parse, validate, submit)
 * @param submitWait how long one attempt waits for room in the write queue before trying again
 * @param lane which device topics: the live ones ({@code sensors}) or the backlog topic; each lane
 *     has its own session, subscription and inflight window, so the broker's queue of one never
 *     holds the other's messages
 */
public record MqttIngestorSettings(
    String url,
    String user,
    String password,
    String clientId,
    String shareGroup,
    int receiveMaximum,
    Duration sessionExpiry,
    Duration keepAlive,
    int threads,
    Duration submitWait,
    Lane lane) {

  private static final String DEFAULT_SHARE_GROUP = IngestVars.SHARE_GROUP.defaultValue();

  public MqttIngestorSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(lane, "lane");
    if (receiveMaximum < 1 || receiveMaximum > 65_535 || threads < 1) {
      throw new IllegalArgumentException("receiveMaximum must be 1..65535 and threads >= 1");
    }
    if (sessionExpiry.toSeconds() < 1 || sessionExpiry.toSeconds() > 0xFFFF_FFFEL) {
      throw new IllegalArgumentException("sessionExpiry must be at least one second");
    }
  }

  /** The live lane's settings (the sensors topics). */
  public MqttIngestorSettings(
      String url,
      String user,
      String password,
      String clientId,
      String shareGroup,
      int receiveMaximum,
      Duration sessionExpiry,
      Duration keepAlive,
      int threads,
      Duration submitWait) {
    this(
        url,
        user,
        password,
        clientId,
        shareGroup,
        receiveMaximum,
        sessionExpiry,
        keepAlive,
        threads,
        submitWait,
        Lane.LIVE);
  }

  /**
   * The backlog lane's settings beside these live ones: the same login and group, a client id of
   * its own ({@code <client id>-backlog}, so a session and inflight window of its own).
   */
  public MqttIngestorSettings backlog() {
    return new MqttIngestorSettings(
        url,
        user,
        password,
        clientId + "-backlog",
        shareGroup,
        receiveMaximum,
        sessionExpiry,
        keepAlive,
        threads,
        submitWait,
        Lane.BACKLOG);
  }

  /** The subscription filters of this lane, one per message form. */
  public String[] filters() {
    return filters(shareGroup);
  }

  /**
   * Filters the session may still hold from a worker of the other kind under the same client id:
   * the plain ones for a shared subscriber; for a plain one, those of the default share group
   * (another group's name is not known here). Removed after each SUBSCRIBE, because the broker
   * keeps both and would deliver every message twice.
   */
  public String[] staleFilters() {
    return filters(shareGroup == null ? DEFAULT_SHARE_GROUP : null);
  }

  private String[] filters(String group) {
    String prefix = group == null ? "" : "$share/" + group + "/";
    return lane == Lane.BACKLOG
        ? new String[] {prefix + GreenboxTopic.BACKLOG_FILTER}
        : new String[] {
          prefix + GreenboxTopic.MESSAGE_FILTER, prefix + GreenboxTopic.SENSOR_FILTER
        };
  }

  @Override
  public String toString() {
    return ("MqttIngestorSettings[url=%s, user=%s, clientId=%s, shareGroup=%s, receiveMaximum=%d,"
            + " sessionExpiry=%s, threads=%d, lane=%s]")
        .formatted(
            url,
            user == null ? "anonymous" : user,
            clientId,
            shareGroup == null ? "none (plain subscription)" : shareGroup,
            receiveMaximum,
            sessionExpiry,
            threads,
            lane.code());
  }
}
