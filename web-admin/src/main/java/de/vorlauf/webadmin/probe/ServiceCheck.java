package de.vorlauf.webadmin.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one live probe found out about one service.
 *
 * @param name database, mqtt, temporal or worker
 * @param detail one sentence for a person: what is up, or what failed and what to check
 * @param facts named observations (versions, pollers, namespace ...), in display order
 * @param limits what this service cannot do (the in-JVM Temporal test server has several)
 */
public record ServiceCheck(
    String name,
    boolean up,
    String detail,
    Long latencyMillis,
    Map<String, String> facts,
    List<String> limits) {

  public ServiceCheck {
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    limits = List.copyOf(limits);
  }

  public static ServiceCheck up(
      String name, String detail, long latencyMillis, Map<String, String> facts) {
    return new ServiceCheck(name, true, detail, latencyMillis, facts, List.of());
  }

  public static ServiceCheck down(String name, String detail) {
    return new ServiceCheck(name, false, detail, null, Map.of(), List.of());
  }

  public ServiceCheck withLimits(List<String> serverLimits) {
    return new ServiceCheck(name, up, detail, latencyMillis, facts, serverLimits);
  }
}
