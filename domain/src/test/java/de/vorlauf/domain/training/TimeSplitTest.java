package de.vorlauf.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void partsFollowEachOtherWithGapsAndCoverTheWindow() {
    TimeSplit split =
        TimeSplit.of(FROM, FROM.plus(Duration.ofDays(90)), 0.15, 0.15, Duration.ofDays(1));
    // 88 usable days = 2,112 h: holdout and validation 316 h each, train 1,480 h
    assertThat(split.train().from()).isEqualTo(FROM);
    assertThat(Duration.between(split.train().from(), split.train().to()).toHours())
        .isEqualTo(1480);
    assertThat(Duration.between(split.train().to(), split.validation().from()))
        .isEqualTo(Duration.ofDays(1));
    assertThat(Duration.between(split.validation().from(), split.validation().to()).toHours())
        .isEqualTo(316);
    assertThat(Duration.between(split.validation().to(), split.holdout().from()))
        .isEqualTo(Duration.ofDays(1));
    assertThat(split.holdout().to()).isEqualTo(FROM.plus(Duration.ofDays(90)));
  }

  @Test
  void aTargetHourBelongsToAPartOnlyWhollyInside() {
    TimeSplit split =
        TimeSplit.of(FROM, FROM.plus(Duration.ofDays(30)), 0.1, 0.1, Duration.ofHours(24));
    Instant lastTrainHour = split.train().to().minus(Duration.ofHours(1));
    assertThat(split.partOf(lastTrainHour)).isEqualTo(TimeSplit.Part.TRAIN);
    assertThat(split.partOf(split.train().to())).isEqualTo(TimeSplit.Part.NONE);
    assertThat(split.partOf(split.validation().from().minus(Duration.ofHours(1))))
        .isEqualTo(TimeSplit.Part.NONE);
    assertThat(split.partOf(split.validation().from())).isEqualTo(TimeSplit.Part.VALIDATION);
    assertThat(split.partOf(split.holdout().from())).isEqualTo(TimeSplit.Part.HOLDOUT);
    assertThat(split.partOf(split.holdout().to())).isEqualTo(TimeSplit.Part.NONE);
  }

  @Test
  void refusesWhatCannotBeSplit() {
    Instant to = FROM.plus(Duration.ofDays(3));
    // 72 h less two gaps of 35 h: 2 h, one each for holdout and validation, none to train
    assertThatThrownBy(() -> TimeSplit.of(FROM, to, 0.15, 0.15, Duration.ofHours(35)))
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> TimeSplit.of(FROM, to, 0.3, 0.3, Duration.ZERO))
        .hasMessageContaining("more than half");
    assertThatThrownBy(() -> TimeSplit.of(FROM.plusSeconds(60), to, 0.1, 0.1, Duration.ofHours(1)))
        .hasMessageContaining("whole UTC hours");
  }
}
