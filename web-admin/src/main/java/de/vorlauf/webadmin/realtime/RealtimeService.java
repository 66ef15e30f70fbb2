package de.vorlauf.webadmin.realtime;

import de.vorlauf.domain.optimization.Optimizers;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.persistence.optimization.StoredOptimization;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.config.RealtimeConfig;
import de.vorlauf.webadmin.metrics.WarMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The WAR's real-time optimiser ({@link RealtimeOptimizer}, one per deployment, its model sessions
 * closed on undeploy) and its metrics ({@code vorlauf_realtime_*}, docs/metrics.md). Configured as
 * the worker's optimisation ({@link RealtimeConfig}).
 */
@ApplicationScoped
public class RealtimeService {

  static final Duration[] SLOS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofSeconds(1)
  };

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject WarMetrics metrics;
  @Inject RealtimeConfig config;

  private final Clock clock = Clock.systemUTC();
  private RealtimeOptimizer optimizer;
  private Timer latency;
  // the meters every call updates, looked up once
  private Timer registryPhase;
  private Timer statePhase;
  private Timer predictionPhase;
  private Timer optimiserPhase;
  private Timer storePhase;
  private Counter modelAnswers;
  private Counter fallbackAnswers;

  @PostConstruct
  void start() {
    optimizer =
        RealtimeOptimizer.create(
            dataSource,
            config.holidays(),
            config.retention(),
            new PersistenceForecast(),
            Optimizers::forType,
            threads,
            registry());
    latency =
        Timer.builder("vorlauf.realtime.request")
            .description("POST /api/v1/optimize from the parsed body to the stored answer")
            .serviceLevelObjectives(SLOS)
            .publishPercentileHistogram(false)
            .register(registry());
    registryPhase = phase("registry");
    statePhase = phase("state");
    predictionPhase = phase("prediction");
    optimiserPhase = phase("optimiser");
    storePhase = phase("store");
    modelAnswers = requests("model");
    fallbackAnswers = requests("fallback");
  }

  /** Checks, optimises and stores one call, counting it by outcome and its errors by kind. */
  public OptimizeResponse optimize(JsonObject body, String caller) throws SQLException {
    long start = System.nanoTime();
    try {
      OptimizeRequests.Request request = OptimizeRequests.parse(body, clock.instant());
      RealtimeOptimizer.Answer answer =
          optimizer.optimize(request.buildingId(), request.state(), caller);
      phases(answer.phases());
      StoredOptimization stored = answer.stored();
      (stored.result().isFallback() ? fallbackAnswers : modelAnswers).increment();
      return OptimizeResponses.of(stored, answer.requestId());
    } catch (SQLException | RuntimeException e) {
      error(kindOf(e));
      throw e;
    } finally {
      latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** The {@code kind} label of a refused or failed call. */
  static String kindOf(Exception e) {
    if (e instanceof InvalidInputException) {
      return "invalid";
    }
    if (e instanceof UnknownEntityException) {
      return "unknown_building";
    }
    if (e instanceof ConflictException) {
      return "building_not_optimisable";
    }
    return e instanceof SQLException ? "database" : "internal";
  }

  private void phases(RealtimeOptimizer.Phases p) {
    registryPhase.record(p.registryNanos(), TimeUnit.NANOSECONDS);
    statePhase.record(p.stateNanos(), TimeUnit.NANOSECONDS);
    predictionPhase.record(p.predictionNanos(), TimeUnit.NANOSECONDS);
    optimiserPhase.record(p.optimiserNanos(), TimeUnit.NANOSECONDS);
    storePhase.record(p.storeNanos(), TimeUnit.NANOSECONDS);
  }

  private Timer phase(String name) {
    return Timer.builder("vorlauf.realtime.phase")
        .description("one phase of a real-time optimisation")
        .tag("phase", name)
        .register(registry());
  }

  private Counter requests(String outcome) {
    return Counter.builder("vorlauf.realtime.requests")
        .description("real-time optimisations by outcome")
        .tag("outcome", outcome)
        .register(registry());
  }

  private void error(String kind) {
    requests("error").increment();
    Counter.builder("vorlauf.realtime.errors")
        .description("real-time optimisation requests refused or failed, by kind")
        .tag("kind", kind.toLowerCase(Locale.ROOT))
        .register(registry())
        .increment();
  }

  private MeterRegistry registry() {
    return metrics.registry();
  }

  @PreDestroy
  void stop() {
    if (optimizer != null) {
      optimizer.close();
    }
  }
}
