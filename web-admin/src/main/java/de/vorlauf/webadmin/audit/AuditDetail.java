package de.vorlauf.webadmin.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Facts a resource adds to the audit entry of the current request (how many rows a batch touched,
 * what a call resolved a filter to). Never secrets: the audit log is read by every operator.
 */
@RequestScoped
public class AuditDetail {

  private final Map<String, Object> facts = new LinkedHashMap<>();

  public AuditDetail put(String name, Object value) {
    facts.put(name, value);
    return this;
  }

  Map<String, Object> facts() {
    return facts;
  }

  String text() {
    return facts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
