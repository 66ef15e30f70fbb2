package de.vorlauf.webadmin.apitokens;

import de.vorlauf.webadmin.metrics.WarMetrics;
import de.vorlauf.webadmin.security.TokenAccess.Outcome;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * API-token authentications by outcome ({@code vorlauf_api_token_authentications_total}): a rise of
 * {@code unknown} is someone guessing or a client with a stale secret, {@code expired} a client
 * nobody renewed, {@code scope} a client calling what it was not given.
 */
@ApplicationScoped
public class ApiTokenMetrics {

  static final String AUTHENTICATIONS = "vorlauf.api.token.authentications";

  @Inject WarMetrics war;

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  @PostConstruct
  void register() {
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder(AUTHENTICATIONS)
              .description("Requests that presented an API token, by outcome")
              .tag("outcome", outcome.tag())
              .register(war.registry()));
    }
  }

  public void count(Outcome outcome) {
    counters.get(outcome).increment();
  }
}
