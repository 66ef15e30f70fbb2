package de.vorlauf.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleOverridesTest {

  @Test
  void parsesEntriesAndKeys() {
    ScheduleOverrides overrides =
        ScheduleOverrides.parse(
            "platform-self-check:every=PT30M; nightly-etl:cron=30 1 * * *,zone=Europe/Berlin,"
                + "paused=true,catchup=PT2H,overlap=buffer_one");

    ScheduleOverride selfCheck = overrides.of("platform-self-check").orElseThrow();
    assertThat(selfCheck.timing()).isEqualTo(ScheduleTiming.every(Duration.ofMinutes(30)));
    assertThat(selfCheck.paused()).isNull();
    ScheduleOverride etl = overrides.of("nightly-etl").orElseThrow();
    assertThat(etl.timing())
        .isEqualTo(ScheduleTiming.cron("30 1 * * *", ZoneId.of("Europe/Berlin")));
    assertThat(etl.paused()).isTrue();
    assertThat(etl.catchupWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(etl.overlap()).isEqualTo(Overlap.BUFFER_ONE);
    assertThat(overrides.ids()).containsExactlyInAnyOrder("platform-self-check", "nightly-etl");
    assertThat(ScheduleOverrides.parse(" ").ids()).isEmpty();
  }

  @Test
  void namesTheEntryThatIsWrong() {
    assertThatThrownBy(() -> ScheduleOverrides.parse("a:every=PT1H;b:colour=red"))
        .hasMessageStartingWith("b: unknown key [colour]");
    assertThatThrownBy(() -> ScheduleOverrides.parse("a:every=PT1H,cron=0 * * * *"))
        .hasMessage("a: every and cron exclude each other");
    assertThatThrownBy(() -> ScheduleOverrides.parse("a:paused=yes"))
        .hasMessage("a: paused is true or false, was yes");
    assertThatThrownBy(() -> ScheduleOverrides.parse("a:zone=Europe/Berlin"))
        .hasMessage("a: zone applies to cron only");
    assertThatThrownBy(() -> ScheduleOverrides.parse("every=PT1H")).hasMessageContaining("id:");
    assertThatThrownBy(() -> ScheduleOverrides.parse("a:every=PT1H;a:paused=true"))
        .hasMessage("schedule a is overridden twice");
  }
}
