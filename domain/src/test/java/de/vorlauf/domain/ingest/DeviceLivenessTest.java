package de.vorlauf.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.ingest.DeviceLiveness.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceLivenessTest {

  private final DeviceLiveness rule = new DeviceLiveness(Duration.ofMinutes(10), 2);
  private final Instant t0 = Instant.parse("2026-01-15T10:00:00Z");

  @Test
  void aNewDeviceIsOnlineFromItsSecondMessage() {
    State first = rule.onMessages(null, t0, t0, 1);
    assertThat(first.online()).isFalse();
    assertThat(first.streak()).isEqualTo(1);
    State second = rule.onMessages(first, t0.plusSeconds(30), t0.plusSeconds(30), 1);
    assertThat(second.online()).isTrue();
    assertThat(second.stateChangedAt()).isEqualTo(t0.plusSeconds(30));
  }

  @Test
  void twoMessagesInOneFlushAreEnough() {
    assertThat(rule.onMessages(null, t0, t0.plusSeconds(1), 2).online()).isTrue();
  }

  @Test
  void staysOnlineWhileMessagesKeepComing() {
    State s = rule.onMessages(null, t0, t0, 2);
    for (int i = 1; i <= 20; i++) {
      Instant at = t0.plus(Duration.ofMinutes(9L * i));
      s = rule.onMessages(s, at, at, 1);
      assertThat(s.online()).isTrue();
    }
    assertThat(s.stateChangedAt()).isEqualTo(t0);
  }

  @Test
  void isOfflineAfterTheQuietTimeAndNeedsTwoMessagesToComeBack() {
    State online = rule.onMessages(null, t0, t0, 2);
    assertThat(rule.onlineAt(online, t0.plus(Duration.ofMinutes(10)))).isTrue();
    assertThat(rule.onlineAt(online, t0.plus(Duration.ofMinutes(10)).plusSeconds(1))).isFalse();

    Instant back = t0.plus(Duration.ofMinutes(30));
    State one = rule.onMessages(online, back, back, 1);
    assertThat(one.online()).isFalse();
    assertThat(one.stateChangedAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
    State two = rule.onMessages(one, back.plusSeconds(60), back.plusSeconds(60), 1);
    assertThat(two.online()).isTrue();
    assertThat(two.stateChangedAt()).isEqualTo(back.plusSeconds(60));
  }

  @Test
  void aSingleStrayMessageAfterEachGapNeverMakesItOnline() {
    State s = rule.onMessages(null, t0, t0, 1);
    for (int i = 1; i <= 5; i++) {
      Instant at = t0.plus(Duration.ofMinutes(11L * i));
      s = rule.onMessages(s, at, at, 1);
      assertThat(s.online()).isFalse();
      assertThat(s.streak()).isEqualTo(1);
    }
  }

  @Test
  void lateReportsFromAnotherWorkerDoNotMoveLastSeenBack() {
    State s = rule.onMessages(null, t0, t0.plusSeconds(10), 3);
    State late = rule.onMessages(s, t0.plusSeconds(2), t0.plusSeconds(5), 1);
    assertThat(late.lastSeen()).isEqualTo(t0.plusSeconds(10));
    assertThat(late.online()).isTrue();
  }
}
