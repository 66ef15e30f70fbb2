package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/** The worker process itself: its health and metrics endpoints, shutdown and self-check. */
public final class WorkerVars {

  public static final EnvVar<Integer> HEALTH_PORT =
      EnvVar.integer("VORLAUF_WORKER_HEALTH_PORT", 0, 65_535)
          .byDefault(Integer.toString(DefaultPorts.WORKER_HEALTH))
          .readBy(LAUNCHER, WORKER)
          .means(
              "port of the worker's /health, /health/live, /health/ready and /metrics; 0 picks a"
                  + " free one");

  public static final EnvVar<String> HEALTH_BIND =
      EnvVar.text("VORLAUF_WORKER_HEALTH_BIND", "[0-9A-Za-z.:\\-]+", "a host name or IP address")
          .byDefault(DefaultPorts.LOOPBACK)
          .readBy(WORKER)
          .means(
              "address the health and metrics endpoints listen on; they carry no authentication,"
                  + " so keep loopback unless a scraper on another host needs them");

  public static final EnvVar<Duration> ACK_STALL =
      EnvVar.positiveDuration("VORLAUF_WORKER_ACK_STALL")
          .byDefault("PT60S")
          .readBy(WORKER, WILDFLY)
          .means(
              "readiness fails when an MQTT lane has messages in flight and acknowledged none for"
                  + " this long; the self-check and the status page call such a lane stalled");

  public static final EnvVar<String> HEALTH_URL =
      EnvVar.url("VORLAUF_WORKER_HEALTH_URL", false, "http", "https")
          .byDefault(
              "http://" + DefaultPorts.LOOPBACK + ":" + DefaultPorts.WORKER_HEALTH + "/health")
          .readBy(WILDFLY)
          .means("where the status page asks the worker");

  public static final EnvVar<Duration> SHUTDOWN_GRACE =
      EnvVar.duration("VORLAUF_WORKER_SHUTDOWN_GRACE", "PT0S")
          .byDefault("PT30S")
          .readBy(WORKER)
          .means("how long a stopping worker waits for in-flight activities");

  public static final EnvVar<Duration> CLOCK_SKEW_THRESHOLD =
      EnvVar.positiveDuration("VORLAUF_CLOCK_SKEW_THRESHOLD")
          .byDefault("PT2S")
          .readBy(WORKER)
          .means("the largest clock skew the self-check accepts");

  public static final EnvVar<Duration> SELFCHECK_LIVE_LAG_MAX =
      EnvVar.positiveDuration("VORLAUF_SELFCHECK_LIVE_LAG_MAX")
          .byDefault("PT2M")
          .readBy(WORKER, WILDFLY)
          .means(
              "the self-check and the status page call ingestion behind when the live lane's lag"
                  + " (or how long its messages wait unacknowledged) is longer");

  public static final EnvVar<Integer> SELFCHECK_LIVE_QUEUED_MAX =
      EnvVar.integer("VORLAUF_SELFCHECK_LIVE_QUEUED_MAX", 0, Integer.MAX_VALUE)
          .byDefault("10000")
          .readBy(WORKER, WILDFLY)
          .means(
              "the self-check and the status page call ingestion behind when more live readings"
                  + " wait in the writers (summed over the workers)");

  public static final EnvVar<Integer> SELFCHECK_BACKLOG_QUEUED_MAX =
      EnvVar.integer("VORLAUF_SELFCHECK_BACKLOG_QUEUED_MAX", 0, Integer.MAX_VALUE)
          .byDefault("90000")
          .readBy(WORKER, WILDFLY)
          .means(
              "the same for the backlog lane, whose lag is old data by nature (default: 90 % of"
                  + " one writer queue)");

  public static final EnvVar<Duration> SELFCHECK_VENDOR_LAG_MAX =
      EnvVar.positiveDuration("VORLAUF_SELFCHECK_VENDOR_LAG_MAX")
          .byDefault("PT2H")
          .readBy(WORKER)
          .means(
              "the self-check names a vendor installation lagging when its newest stored reading"
                  + " is older");

  public static final EnvVar<String> TRAINING =
      EnvVar.text("VORLAUF_WORKER_TRAINING", "include|exclude|only", "include, exclude or only")
          .byDefault("include")
          .readBy(WORKER)
          .means(
              "whether this worker polls the training task queue (vorlauf-training): include (also"
                  + " the platform queue), exclude (a separate training worker takes it), only (a"
                  + " training worker: no platform queue, no ingest pipeline, storage maintenance"
                  + " or device gauges; needs VORLAUF_INGEST_ENABLED=false)");

  public static final List<EnvVar<?>> ALL =
      List.of(
          HEALTH_PORT,
          HEALTH_BIND,
          HEALTH_URL,
          ACK_STALL,
          SHUTDOWN_GRACE,
          CLOCK_SKEW_THRESHOLD,
          TRAINING,
          SELFCHECK_LIVE_LAG_MAX,
          SELFCHECK_LIVE_QUEUED_MAX,
          SELFCHECK_BACKLOG_QUEUED_MAX,
          SELFCHECK_VENDOR_LAG_MAX);

  private WorkerVars() {}
}
