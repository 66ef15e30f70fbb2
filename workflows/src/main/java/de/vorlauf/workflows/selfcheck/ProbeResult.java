package de.vorlauf.workflows.selfcheck;

/**
 * The result of one probe.
 *
 * @param name database, mqtt, clock, ingestion or integrations (see the constants)
 * @param ok whether the service passed
 * @param detail what was measured, or what went wrong, in words a person can act on
 * @param latencyMillis round-trip time where the probe measures one, else null
 */
public record ProbeResult(String name, boolean ok, String detail, Long latencyMillis) {

  public static final String DATABASE = "database";
  public static final String MQTT = "mqtt";
  public static final String CLOCK = "clock";
  public static final String INGESTION = "ingestion";
  public static final String INTEGRATIONS = "integrations";
}
