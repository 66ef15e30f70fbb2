package de.vorlauf.domain.training;

import java.util.List;

/** What a training run reads: the buildings' hours and where they came from. */
public record TrainingData(List<BuildingHistory> histories, FeatureLineage lineage) {
  public TrainingData {
    histories = List.copyOf(histories);
  }
}
