package de.vorlauf.domain.config;

/**
 * Every port Vorlauf uses when nothing else is configured, all on 127.0.0.1: the launcher starts
 * its services there, and the worker, the WAR, the simulator and the WildFly CLI scripts look for
 * them there. Distinct from each service's usual port (5432, 1883, 7233, 8080, …), so a demo runs
 * beside a developer's own PostgreSQL, broker or WildFly.
 */
public final class DefaultPorts {

  public static final String LOOPBACK = "127.0.0.1";

  public static final int POSTGRES = 15432;
  public static final int MQTT = 11883;
  public static final int TEMPORAL = 17233;
  public static final int TEMPORAL_UI = 18233;
  public static final int WORKER_HEALTH = 18081;
  public static final int LAUNCHER_METRICS = 18082;
  public static final int VENDOR_CLOUD = 18090;

  /** WildFly's port offset: every socket binding of the server moves by it. */
  public static final int WILDFLY_OFFSET = 10_000;

  public static final int WILDFLY_HTTP = 8080 + WILDFLY_OFFSET;
  public static final int WILDFLY_MANAGEMENT = 9990 + WILDFLY_OFFSET;

  private DefaultPorts() {}
}
