package de.vorlauf.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanePolicyTest {

  private static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
  private final LanePolicy policy = new LanePolicy(Duration.ofMinutes(5));

  @Test
  void aReadingWithinTheWindowIsLive() {
    assertThat(policy.classify(NOW.minusSeconds(60), NOW)).isEqualTo(Lane.LIVE);
    assertThat(policy.classify(NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo(Lane.LIVE);
  }

  @Test
  void aReadingOlderThanTheWindowIsBacklog() {
    assertThat(policy.classify(NOW.minus(Duration.ofMinutes(5)).minusMillis(1), NOW))
        .isEqualTo(Lane.BACKLOG);
    assertThat(policy.classify(NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(Lane.BACKLOG);
  }

  @Test
  void aReadingFromTheFutureIsLive() {
    // clock skew: validation decides about it, the lane must not hide it in the backlog
    assertThat(policy.classify(NOW.plusSeconds(30), NOW)).isEqualTo(Lane.LIVE);
  }

  @Test
  void aMessageWithoutReadingsIsLive() {
    assertThat(policy.classify(null, NOW)).isEqualTo(Lane.LIVE);
  }

  @Test
  void theSendersWordWins() {
    assertThat(policy.classify(true, NOW, NOW)).isEqualTo(Lane.BACKLOG);
    assertThat(policy.classify(false, NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo(Lane.BACKLOG);
    assertThat(policy.classify(false, NOW, NOW)).isEqualTo(Lane.LIVE);
  }

  @Test
  void theWindowIsPositive() {
    assertThatThrownBy(() -> new LanePolicy(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
