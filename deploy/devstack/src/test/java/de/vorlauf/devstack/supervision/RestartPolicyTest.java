package de.vorlauf.devstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  private final RestartPolicy policy =
      new RestartPolicy(
          new RestartPolicy.Limits(
              4, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(5)));

  @Test
  void theDelayDoublesPerRestartInTheWindowUpToTheCap() {
    assertThat(policy.onUnexpectedExit(T0)).contains(Duration.ofSeconds(1));
    assertThat(policy.onUnexpectedExit(T0.plusSeconds(10))).contains(Duration.ofSeconds(2));
    assertThat(policy.onUnexpectedExit(T0.plusSeconds(20))).contains(Duration.ofSeconds(4));
    assertThat(policy.onUnexpectedExit(T0.plusSeconds(30))).contains(Duration.ofSeconds(5));
    assertThat(policy.recentRestarts(T0.plusSeconds(30))).isEqualTo(4);
  }

  @Test
  void afterTheLimitWithinTheWindowItGivesUp() {
    for (int i = 0; i < 4; i++) {
      assertThat(policy.onUnexpectedExit(T0.plusSeconds(i))).isPresent();
    }
    assertThat(policy.onUnexpectedExit(T0.plusSeconds(60))).isEmpty();
    assertThat(policy.onUnexpectedExit(T0.plusSeconds(599))).isEmpty();
  }

  @Test
  void restartsOlderThanTheWindowNoLongerCountAndTheBackoffStartsOver() {
    for (int i = 0; i < 4; i++) {
      policy.onUnexpectedExit(T0.plusSeconds(i));
    }
    Instant later = T0.plus(Duration.ofMinutes(10)).plusSeconds(4);

    assertThat(policy.recentRestarts(later)).isZero();
    assertThat(policy.onUnexpectedExit(later)).contains(Duration.ofSeconds(1));
  }

  @Test
  void aLimitOfZeroNeverRestarts() {
    RestartPolicy never =
        new RestartPolicy(
            new RestartPolicy.Limits(0, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO));
    assertThat(never.onUnexpectedExit(T0)).isEmpty();
  }
}
