package de.vorlauf.worker.config;

import de.vorlauf.domain.config.IngestVars;
import java.time.Duration;

/**
 * Configuration of MQTT ingestion in the worker ({@code VORLAUF_MQTT_*} beyond the URL and
 * credentials, {@code VORLAUF_INGEST_*}). Not the WAR's {@code MqttIngestConfig} (REST ingestion):
 * the variables they share are read by both. Batch, queue, quarantine and offline settings tune the
 * worker's pipeline, which runs (for vendor polling) also when MQTT ingestion is disabled.
 *
 * @param enabled false: the worker does not consume device topics; its pipeline still runs
 * @param mqttClientId null: {@code vorlauf-ingest-<host name>-<health port>}, stable across
 *     restarts of the same worker and different for two workers on one host
 * @param shareGroup shared subscription group; workers in one group split the stream. Null: a plain
 *     subscription (one worker only: two would each store every message)
 * @param receiveMaximum inflight window: messages the broker may send before we acknowledge
 * @param sessionExpiry how long the broker keeps this worker's session and queue while it is away
 * @param threads ingest threads (parse, validate, submit)
 * @param batchRows readings per database batch
 * @param linger longest wait to fill a batch
 * @param queueRows readings accepted but not yet committed; beyond, the ingestor stops
 *     acknowledging and the broker queues
 * @param quarantineCap rows kept in the quarantine; beyond, refused parts are only counted
 * @param offlineAfter a device is offline after this long without a message
 * @param seriesCache series ids the reading writer keeps in memory
 * @param liveWindow readings older than this on arrival take the backlog lane
 */
public record MqttIngestConfig(
    boolean enabled,
    String mqttClientId,
    String shareGroup,
    int receiveMaximum,
    Duration sessionExpiry,
    int threads,
    int batchRows,
    Duration linger,
    int queueRows,
    long quarantineCap,
    Duration offlineAfter,
    int seriesCache,
    Duration liveWindow) {

  /** The declared defaults ({@link IngestVars}). */
  public static MqttIngestConfig defaults() {
    return new MqttIngestConfig(
        IngestVars.ENABLED.defaultValue(),
        null,
        IngestEnvironment.shareGroup(IngestVars.SHARE_GROUP.defaultValue()),
        IngestVars.RECEIVE_MAXIMUM.defaultValue(),
        IngestVars.SESSION_EXPIRY.defaultValue(),
        IngestVars.THREADS.defaultValue(),
        IngestVars.BATCH_ROWS.defaultValue(),
        IngestVars.LINGER.defaultValue(),
        IngestVars.QUEUE_ROWS.defaultValue(),
        IngestVars.QUARANTINE_CAP.defaultValue(),
        Duration.ofMinutes(IngestVars.OFFLINE_MINUTES.defaultValue()),
        de.vorlauf.domain.config.StorageVars.SERIES_CACHE.defaultValue(),
        IngestVars.LIVE_WINDOW.defaultValue());
  }

  /** The client id to use: the configured one or the host-derived default. */
  public String clientId(int healthPort) {
    if (mqttClientId != null) {
      return mqttClientId;
    }
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return "vorlauf-ingest-" + host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + healthPort;
  }

  public MqttIngestConfig withEnabled(boolean value) {
    return new MqttIngestConfig(
        value,
        mqttClientId,
        shareGroup,
        receiveMaximum,
        sessionExpiry,
        threads,
        batchRows,
        linger,
        queueRows,
        quarantineCap,
        offlineAfter,
        seriesCache,
        liveWindow);
  }

  public MqttIngestConfig withClientId(String value) {
    return new MqttIngestConfig(
        enabled,
        value,
        shareGroup,
        receiveMaximum,
        sessionExpiry,
        threads,
        batchRows,
        linger,
        queueRows,
        quarantineCap,
        offlineAfter,
        seriesCache,
        liveWindow);
  }
}
