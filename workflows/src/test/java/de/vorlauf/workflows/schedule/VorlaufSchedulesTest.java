package de.vorlauf.workflows.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.schedule.ScheduleOverrides;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VorlaufSchedulesTest {

  @Test
  void theDeclarationsHaveDistinctIdsAndTheSelfCheckRunsHourly() {
    List<ScheduleDeclaration> declared = VorlaufSchedules.DECLARED;
    Set<String> ids = declared.stream().map(ScheduleDeclaration::id).collect(Collectors.toSet());
    assertThat(ids).hasSameSizeAs(declared).contains(VorlaufSchedules.PLATFORM_SELF_CHECK);
    ScheduleDeclaration selfCheck = declared.get(0);
    assertThat(selfCheck.words()).isEqualTo("every hour");
    assertThat(selfCheck.pausedByDefault()).isFalse();
    // every declaration can also run as a cron workflow on the in-JVM server
    declared.forEach(d -> d.timing().asCron());
  }

  @Test
  void theNightlyEtlRunsAtTwoInBerlinAndSkipsWhileTheLastRunIsBusy() {
    ScheduleDeclaration etl =
        VorlaufSchedules.DECLARED.stream()
            .filter(d -> d.id().equals(VorlaufSchedules.NIGHTLY_ETL))
            .findFirst()
            .orElseThrow();
    assertThat(etl.workflowType()).isEqualTo("NightlyEtlWorkflow");
    assertThat(etl.timing().asCron()).contains("0 2 * * *");
    assertThat(etl.words()).contains("Europe/Berlin");
    assertThat(etl.overlap()).isEqualTo(de.vorlauf.domain.schedule.Overlap.SKIP);
    assertThat(etl.input()).isEqualTo(de.vorlauf.workflows.etl.EtlRequest.nightly());
  }

  @Test
  void trainingRunsWeeklyOnItsOwnQueueOnTheLastEightWeeks() {
    ScheduleDeclaration training =
        VorlaufSchedules.DECLARED.stream()
            .filter(d -> d.id().equals(VorlaufSchedules.WEEKLY_TRAINING))
            .findFirst()
            .orElseThrow();
    assertThat(training.workflowType()).isEqualTo("TrainingWorkflow");
    assertThat(training.taskQueue()).isEqualTo(de.vorlauf.workflows.TaskQueues.TRAINING);
    assertThat(training.timing().asCron()).contains("0 4 * * 0");
    assertThat(training.overlap()).isEqualTo(de.vorlauf.domain.schedule.Overlap.SKIP);
    de.vorlauf.workflows.training.TrainingRequest input =
        (de.vorlauf.workflows.training.TrainingRequest) training.input();
    assertThat(input.lastDays()).isEqualTo(56);
    assertThat(input.problems()).isEmpty();
  }

  @Test
  void thePortfolioRunsAtFivePastEveryHourAndCanRunEveryFewMinutes() {
    ScheduleDeclaration portfolio =
        VorlaufSchedules.DECLARED.stream()
            .filter(d -> d.id().equals(VorlaufSchedules.PORTFOLIO_OPTIMIZATION))
            .findFirst()
            .orElseThrow();
    assertThat(portfolio.workflowType()).isEqualTo("PortfolioOptimizationWorkflow");
    assertThat(portfolio.taskQueue()).isEqualTo(de.vorlauf.workflows.TaskQueues.PLATFORM);
    assertThat(portfolio.timing().asCron()).contains("5 * * * *");
    assertThat(portfolio.overlap()).isEqualTo(de.vorlauf.domain.schedule.Overlap.SKIP);
    assertThat(portfolio.input())
        .isEqualTo(de.vorlauf.workflows.portfolio.PortfolioRequest.hourly());

    ScheduleDeclaration demo =
        VorlaufSchedules.effective(
                List.of(portfolio), ScheduleOverrides.parse("portfolio-optimization:every=PT5M"))
            .get(0);
    assertThat(demo.words()).isEqualTo("every 5 minutes");
  }

  @Test
  void overridesChangeTheFingerprintExceptThePauseDefault() {
    ScheduleDeclaration selfCheck = VorlaufSchedules.DECLARED.get(0);
    ScheduleOverrides faster = ScheduleOverrides.parse("platform-self-check:every=PT30M");
    ScheduleOverrides paused = ScheduleOverrides.parse("platform-self-check:paused=true");

    ScheduleDeclaration halfHourly = VorlaufSchedules.effective(List.of(selfCheck), faster).get(0);
    ScheduleDeclaration held = VorlaufSchedules.effective(List.of(selfCheck), paused).get(0);

    assertThat(halfHourly.words()).isEqualTo("every 30 minutes");
    assertThat(halfHourly.fingerprint()).isNotEqualTo(selfCheck.fingerprint());
    assertThat(held.pausedByDefault()).isTrue();
    assertThat(held.fingerprint()).isEqualTo(selfCheck.fingerprint());
    assertThat(
            VorlaufSchedules.unknownOverrides(
                VorlaufSchedules.DECLARED, ScheduleOverrides.parse("nightly-elt:paused=true")))
        .containsExactly("nightly-elt");
  }
}
