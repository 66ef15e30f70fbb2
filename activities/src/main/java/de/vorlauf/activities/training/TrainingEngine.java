package de.vorlauf.activities.training;

import de.vorlauf.domain.training.TrainingData;
import de.vorlauf.persistence.features.TrainingDataRepository;
import java.sql.SQLException;

/**
 * The two calls of the engine the train activity makes: a seam so the activity's retry, resume and
 * recording are tested without a database and without minutes of DL4J.
 */
public interface TrainingEngine {

  TrainingData read(TrainingParameters parameters) throws SQLException;

  TrainingResult train(
      TrainingParameters parameters,
      TrainingData data,
      TrainingProgress progress,
      TrainingCheckpoint resume);

  /** {@link HeatDemandTrainer} on {@code building_features}. */
  static TrainingEngine of(TrainingDataRepository repository, String version) {
    HeatDemandTrainer trainer = new HeatDemandTrainer(version);
    return new TrainingEngine() {
      @Override
      public TrainingData read(TrainingParameters parameters) throws SQLException {
        return HeatDemandTrainer.read(repository, parameters);
      }

      @Override
      public TrainingResult train(
          TrainingParameters parameters,
          TrainingData data,
          TrainingProgress progress,
          TrainingCheckpoint resume) {
        return trainer.train(parameters, data, progress, resume);
      }
    };
  }
}
