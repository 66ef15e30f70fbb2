package de.vorlauf.webadmin.apitokens;

import de.vorlauf.persistence.apitokens.ApiToken;
import de.vorlauf.persistence.apitokens.ApiTokenSecret;
import de.vorlauf.persistence.apitokens.ApiTokenStore;
import de.vorlauf.persistence.apitokens.ApiTokenStore.Usage;
import de.vorlauf.webadmin.security.TokenAccess;
import de.vorlauf.webadmin.security.TokenAccess.Need;
import de.vorlauf.webadmin.security.TokenAccess.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a presented API token for a resource's {@link Need}: the token from {@link ApiTokenCache}
 * (one database read per token per 30 s), the rules of {@link TokenAccess}, the outcome counted in
 * {@link ApiTokenMetrics}.
 *
 * <p>An accepted use is counted in memory and written every {@link #FLUSH_EVERY} in one batch, and
 * once more when the WAR undeploys: a write per request would put a database round trip and a row
 * lock on every optimize call, which its 50 ms p99 cannot afford. The price: {@code last_used_at}
 * and {@code use_count} lag by up to that interval, and a WAR that dies without undeploying (kill
 * -9, power) loses the uses of its last interval. They are statistics, not the audit log; a failed
 * write keeps its uses for the next one.
 */
@ApplicationScoped
public class ApiTokenAuthenticator {

  static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenAuthenticator.class);

  /**
   * @param token the token the secret found; null when it found none
   */
  public record Result(Outcome outcome, ApiToken token) {}

  @Inject ApiTokenStore store;
  @Inject ApiTokenMetrics metrics;
  @Resource ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();
  private final ApiTokenUsageBuffer usage = new ApiTokenUsageBuffer();
  private ApiTokenCache cache;
  private ScheduledFuture<?> flushing;

  @PostConstruct
  void start() {
    cache = new ApiTokenCache(store::findBySha256, clock);
    long every = FLUSH_EVERY.toMillis();
    flushing = scheduler.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The outcome for a secret presented as {@code Authorization: Bearer <secret>}.
   *
   * @throws SQLException when the token had to be read and the database refused
   */
  public Result authenticate(String presented, Need need) throws SQLException {
    ApiToken token =
        ApiTokenSecret.wellFormed(presented)
            ? cache.find(ApiTokenSecret.sha256(presented)).orElse(null)
            : null;
    Instant now = clock.instant();
    Outcome outcome = TokenAccess.check(token, now, need);
    metrics.count(outcome);
    if (outcome == Outcome.ACCEPTED) {
      usage.used(token.id(), now);
    }
    return new Result(outcome, token);
  }

  /** A token revoked here is refused from the next request on, not after the cache's TTL. */
  void forget(long tokenId) {
    cache.forget(tokenId);
  }

  void flush() {
    List<Usage> batch = usage.drain();
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.addUsage(batch);
    } catch (SQLException | RuntimeException e) {
      usage.restore(batch);
      LOG.warn(
          "token usage of {} tokens not written, kept for the next flush: {}",
          batch.size(),
          e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    flush();
  }
}
