package de.vorlauf.domain.training;

import java.util.List;

/** A building and its hour aggregates in time order (hours without rows are simply absent). */
public record BuildingHistory(BuildingAttributes building, List<HourAggregate> hours) {
  public BuildingHistory {
    hours = List.copyOf(hours);
  }
}
