package de.vorlauf.activities.training;

/**
 * What the trainer reports after every epoch: the seam for the training activity's heartbeat (epoch
 * and loss as progress) and for keeping the checkpoint it resumes from after a restart. Called on
 * the training thread; an exception thrown here stops the training (how a cancelled heartbeat ends
 * it).
 */
@FunctionalInterface
public interface TrainingProgress {

  TrainingProgress NONE = (loss, checkpoint) -> {};

  /**
   * @param loss the epoch just finished
   * @param checkpoint the state after it; {@link HeatDemandTrainer#train} with it as {@code resume}
   *     continues from here
   */
  void epochDone(EpochLoss loss, TrainingCheckpoint checkpoint);
}
