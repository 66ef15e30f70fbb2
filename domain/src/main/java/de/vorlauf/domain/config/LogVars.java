package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.SIMULATOR;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/** Logging of every Vorlauf process: the line format and run-time level changes. */
public final class LogVars {

  public static final String KEYVALUE = "keyvalue";
  public static final String JSON = "json";

  /**
   * key=value is the default: the launcher's log files are read by people with tail and less, and
   * key=value lines are still parsed by Loki, Vector or grep; JSON is for a log shipper.
   */
  public static final EnvVar<String> FORMAT =
      EnvVar.choice("VORLAUF_LOG_FORMAT", KEYVALUE, JSON)
          .byDefault(KEYVALUE)
          .readBy(LAUNCHER, WORKER, SIMULATOR)
          .means(
              "format of every log line: keyvalue (time level logger thread, then the MDC as"
                  + " key=value, msg=\"…\") or json (one object per line); the launcher hands it to"
                  + " its children and sets WildFly's handlers to match");

  public static final EnvVar<Duration> LEVEL_POLL =
      EnvVar.positiveDuration("VORLAUF_LOG_LEVEL_POLL")
          .byDefault("PT10S")
          .readBy(WORKER)
          .means("how often a worker reads the log levels an admin set (Logging page)");

  public static final List<EnvVar<?>> ALL = List.of(FORMAT, LEVEL_POLL);

  private LogVars() {}
}
