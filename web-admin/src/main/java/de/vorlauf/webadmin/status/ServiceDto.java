package de.vorlauf.webadmin.status;

import java.util.List;
import java.util.Map;

/**
 * One service on the status page.
 *
 * @param origin where the service came from (launcher label) — never decides {@code up}
 */
public record ServiceDto(
    String name,
    boolean up,
    String origin,
    String detail,
    Long latencyMillis,
    Map<String, String> facts,
    List<String> limits) {}
