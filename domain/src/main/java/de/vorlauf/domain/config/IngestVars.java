package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/**
 * Ingestion: the worker's MQTT ingestor and REST ingestion in the WAR. Limits both apply (queue,
 * quarantine, liveness) are declared once here, so the two paths cannot drift apart.
 */
public final class IngestVars {

  public static final EnvVar<Boolean> ENABLED =
      EnvVar.flag("VORLAUF_INGEST_ENABLED")
          .byDefault("true")
          .readBy(WORKER)
          .means(
              "false: this worker does not consume device topics (its pipeline, vendor polling"
                  + " and storage maintenance still run)");

  public static final EnvVar<String> MQTT_CLIENT_ID =
      EnvVar.text("VORLAUF_MQTT_CLIENT_ID", "[^/]{1,128}", "at most 128 characters, no '/'")
          .unset("vorlauf-ingest-<host>-<health port>")
          .readBy(WORKER)
          .means("client id of the ingestor: stable per worker, unique among workers");

  /** The {@link #SHARE_GROUP} value that means a plain (non-shared) subscription. */
  public static final String NO_SHARE_GROUP = "none";

  /**
   * The default stays a share group, so that several workers started alike split the stream instead
   * of each storing all of it; the launcher, which runs one worker, sets {@link #NO_SHARE_GROUP}.
   */
  public static final EnvVar<String> SHARE_GROUP =
      EnvVar.text(
              "VORLAUF_MQTT_SHARE_GROUP", "[A-Za-z0-9._-]+", "letters, digits, '.', '_' and '-'")
          .byDefault("vorlauf-ingest")
          .readBy(WORKER)
          .means(
              "shared subscription group; workers in one group split the device stream; none:"
                  + " a plain subscription, for a single worker (brokers keep it across their"
                  + " restarts; the launcher's worker has it)");

  public static final EnvVar<Integer> RECEIVE_MAXIMUM =
      EnvVar.integer("VORLAUF_MQTT_RECEIVE_MAXIMUM", 1, 65_535)
          .byDefault("4000")
          .readBy(WORKER)
          .means("inflight window: messages the broker may send before they are acknowledged");

  public static final EnvVar<Duration> SESSION_EXPIRY =
      EnvVar.positiveDuration("VORLAUF_MQTT_SESSION_EXPIRY")
          .byDefault("P7D")
          .readBy(WORKER)
          .means("how long the broker keeps a stopped worker's session and queue");

  public static final EnvVar<Integer> THREADS =
      EnvVar.integer("VORLAUF_INGEST_THREADS", 1, 64)
          .byDefault("2")
          .readBy(WORKER)
          .means("ingest threads (parse, validate, submit)");

  public static final EnvVar<Integer> BATCH_ROWS =
      EnvVar.integer("VORLAUF_INGEST_BATCH_ROWS", 1, 1_000_000)
          .byDefault("5000")
          .readBy(WORKER)
          .means("readings per database batch");

  public static final EnvVar<Duration> LINGER =
      EnvVar.positiveDuration("VORLAUF_INGEST_LINGER")
          .byDefault("PT0.05S")
          .readBy(WORKER)
          .means("longest wait to fill a batch");

  /**
   * Sizes the writer's semaphore (an int) and holds that many readings in memory: 10 million is
   * already about a gigabyte of heap; below 1,000 a REST body of the default size cannot fit.
   */
  public static final EnvVar<Integer> QUEUE_ROWS =
      EnvVar.integer("VORLAUF_INGEST_QUEUE_ROWS", 1_000, 10_000_000)
          .byDefault("100000")
          .readBy(WORKER, WILDFLY)
          .means(
              "readings accepted but not committed; beyond, MQTT is not acknowledged, REST gets 503");

  /** A count of table rows, compared with a long count. */
  public static final EnvVar<Long> QUARANTINE_CAP =
      EnvVar.longInteger("VORLAUF_INGEST_QUARANTINE_CAP", 0, Long.MAX_VALUE)
          .byDefault("100000")
          .readBy(WORKER, WILDFLY)
          .means(
              "rows kept in the quarantine; beyond, refused messages are only counted per reason");

  /** A device silent for a week is offline under any sensible rule: a week is the upper bound. */
  public static final EnvVar<Integer> OFFLINE_MINUTES =
      EnvVar.integer("VORLAUF_INGEST_OFFLINE_MINUTES", 1, 10_080)
          .byDefault("10")
          .readBy(WORKER, WILDFLY)
          .means("a device is offline after this many minutes without data");

  public static final EnvVar<Integer> MAX_BODY_BYTES =
      EnvVar.integer("VORLAUF_INGEST_MAX_BODY_BYTES", 1_024, 64 << 20)
          .byDefault("1048576")
          .readBy(WILDFLY)
          .means("largest POST /api/v1/ingest body (413 beyond)");

  public static final EnvVar<Duration> COMMIT_TIMEOUT =
      EnvVar.duration("VORLAUF_INGEST_COMMIT_TIMEOUT", "PT0S")
          .byDefault("PT30S")
          .readBy(WILDFLY)
          .means("how long a REST ingest waits for its commit before answering 503");

  /** Below ten seconds, clock skew and a linger would send live readings to the backlog. */
  public static final EnvVar<Duration> LIVE_WINDOW =
      EnvVar.duration("VORLAUF_INGEST_LIVE_WINDOW", "PT10S")
          .byDefault("PT5M")
          .readBy(WORKER, WILDFLY)
          .means(
              "readings older than this on arrival take the backlog lane, which never delays live"
                  + " ones (messages on greenbox/<device>/backlog and bulk uploads always do)");

  public static final List<EnvVar<?>> ALL =
      List.of(
          ENABLED,
          MQTT_CLIENT_ID,
          SHARE_GROUP,
          RECEIVE_MAXIMUM,
          SESSION_EXPIRY,
          THREADS,
          BATCH_ROWS,
          LINGER,
          QUEUE_ROWS,
          QUARANTINE_CAP,
          OFFLINE_MINUTES,
          MAX_BODY_BYTES,
          COMMIT_TIMEOUT,
          LIVE_WINDOW);

  private IngestVars() {}
}
