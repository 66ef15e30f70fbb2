package de.vorlauf.persistence.experiments;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The features a run trained on: local days {@code from}..{@code to} inclusive of the buildings
 * named (empty: every building with features in the window).
 */
public record FeatureWindow(LocalDate from, LocalDate to, List<String> buildingIds) {

  public FeatureWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    buildingIds = buildingIds == null ? List.of() : List.copyOf(buildingIds);
  }
}
