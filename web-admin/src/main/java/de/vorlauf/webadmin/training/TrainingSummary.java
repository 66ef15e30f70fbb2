package de.vorlauf.webadmin.training;

import de.vorlauf.webadmin.workflows.WorkflowSummary;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * Training's line on the workflow explorer: the holdout RMSE against the degree-hour baseline once
 * done, the phase, epoch and loss while it runs, the reason when it failed.
 */
@ApplicationScoped
public class TrainingSummary implements WorkflowSummary {

  @Override
  public String workflowType() {
    return TrainingService.WORKFLOW_TYPE;
  }

  @Override
  public Optional<String> summarize(Run run) {
    return run.result(TrainingOutcome.class)
        .map(TrainingSummary::text)
        .or(() -> run.query("progress", TrainingStatus.class).map(TrainingSummary::text));
  }

  static String text(TrainingOutcome o) {
    return String.format(
        Locale.ROOT,
        "Trained %d epochs (best %d%s): holdout RMSE %.3f kW, degree-hour baseline %.3f kW,"
            + " persistence %.3f kW; tracked as run %d of %s.",
        o.epochs(),
        o.bestEpoch(),
        o.resumedFromEpoch() > 0 ? ", resumed from epoch " + o.resumedFromEpoch() : "",
        o.modelRmseKw(),
        o.degreeHoursRmseKw(),
        o.persistenceRmseKw(),
        o.runId(),
        o.experiment());
  }

  static String text(TrainingStatus s) {
    if (s.phase() == TrainingPhase.FAILED) {
      return "Failed: " + s.message();
    }
    String loss =
        Double.isFinite(s.validationLoss())
            ? String.format(Locale.ROOT, ", validation loss %.4f", s.validationLoss())
            : "";
    return "%s: epoch %d of at most %d%s."
        .formatted(s.phase().name().toLowerCase(Locale.ROOT), s.epoch(), s.maxEpochs(), loss);
  }
}
