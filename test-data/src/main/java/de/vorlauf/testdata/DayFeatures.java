package de.vorlauf.testdata;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureRow;
import java.util.List;
import java.util.Objects;

/** The feature rows of one building-day of a dataset: what the ETL writes for that day. */
public record DayFeatures(BuildingDay day, List<FeatureRow> rows) {

  public DayFeatures {
    Objects.requireNonNull(day, "day");
    rows = List.copyOf(rows);
  }
}
