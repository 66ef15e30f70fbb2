package de.vorlauf.webadmin.common;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One {@link Jsonb} for every JSON body the API reads and writes, with JSON-B's defaults (the same
 * configuration RESTEasy uses without a resolver). Without one, RESTEasy's JSON-B provider builds a
 * new {@code Jsonb} per body and closes it after, so Yasson introspects every class again on every
 * call: measured as 70 % of WildFly's CPU for {@code POST /api/v1/optimize} (a JFR profile of the
 * real-time benchmark, docs/benchmarks.md). A {@code Jsonb} is thread-safe and caches the class
 * models it builds.
 */
@Provider
@ApplicationScoped
public class JsonbResolver implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  @PreDestroy
  void close() throws Exception {
    jsonb.close();
  }
}
