package de.vorlauf.worker.config;

import static de.vorlauf.domain.config.IngestVars.BATCH_ROWS;
import static de.vorlauf.domain.config.IngestVars.ENABLED;
import static de.vorlauf.domain.config.IngestVars.LINGER;
import static de.vorlauf.domain.config.IngestVars.LIVE_WINDOW;
import static de.vorlauf.domain.config.IngestVars.MQTT_CLIENT_ID;
import static de.vorlauf.domain.config.IngestVars.NO_SHARE_GROUP;
import static de.vorlauf.domain.config.IngestVars.OFFLINE_MINUTES;
import static de.vorlauf.domain.config.IngestVars.QUARANTINE_CAP;
import static de.vorlauf.domain.config.IngestVars.QUEUE_ROWS;
import static de.vorlauf.domain.config.IngestVars.RECEIVE_MAXIMUM;
import static de.vorlauf.domain.config.IngestVars.SESSION_EXPIRY;
import static de.vorlauf.domain.config.IngestVars.SHARE_GROUP;
import static de.vorlauf.domain.config.IngestVars.THREADS;

import de.vorlauf.domain.config.EnvReader;
import java.time.Duration;

/** Reads {@link MqttIngestConfig} from the environment; problems are recorded in the reader. */
final class IngestEnvironment {

  private IngestEnvironment() {}

  static MqttIngestConfig read(EnvReader env) {
    int batchRows = env.get(BATCH_ROWS);
    int queueRows = env.get(QUEUE_ROWS);
    if (queueRows < batchRows) {
      env.problem(QUEUE_ROWS + " must be at least " + BATCH_ROWS + " (" + batchRows + ")");
    }
    return new MqttIngestConfig(
        env.get(ENABLED),
        env.get(MQTT_CLIENT_ID),
        shareGroup(env.get(SHARE_GROUP)),
        env.get(RECEIVE_MAXIMUM),
        env.get(SESSION_EXPIRY),
        env.get(THREADS),
        batchRows,
        env.get(LINGER),
        queueRows,
        env.get(QUARANTINE_CAP),
        Duration.ofMinutes(env.get(OFFLINE_MINUTES)),
        env.get(de.vorlauf.domain.config.StorageVars.SERIES_CACHE),
        env.get(LIVE_WINDOW));
  }

  /** Null for {@code none}: a plain subscription. */
  static String shareGroup(String value) {
    return NO_SHARE_GROUP.equals(value) ? null : value;
  }
}
