package de.vorlauf.webadmin.training;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingStatus;
import org.junit.jupiter.api.Test;

class TrainingSummaryTest {

  @Test
  void aFinishedRunNamesItsErrorAgainstTheBaselineAndItsTrackedRun() {
    assertThat(
            TrainingSummary.text(
                new TrainingOutcome("heat-demand", 12, 30, 27, true, 0.291, 8.973, 9.154, "x", 4)))
        .isEqualTo(
            "Trained 30 epochs (best 27, resumed from epoch 4): holdout RMSE 0.291 kW,"
                + " degree-hour baseline 8.973 kW, persistence 9.154 kW; tracked as run 12 of"
                + " heat-demand.");
  }

  @Test
  void aRunningRunShowsPhaseEpochAndLossAndAFailedOneItsReason() {
    assertThat(
            TrainingSummary.text(
                new TrainingStatus(TrainingPhase.TRAINING, 3, 30, 0.5, 0.25, 1, 0, 12, null)))
        .isEqualTo("training: epoch 3 of at most 30, validation loss 0.2500.");
    assertThat(TrainingSummary.text(TrainingStatus.starting(30).in(TrainingPhase.READING)))
        .isEqualTo("reading: epoch 0 of at most 30.");
    assertThat(TrainingSummary.text(TrainingStatus.starting(30).failed("not enough data")))
        .isEqualTo("Failed: not enough data");
  }
}
