package de.vorlauf.workflows.etl;

import java.util.List;

/** The next active building ids in id order after a cursor; empty at the end. */
public record BuildingPage(List<String> buildingIds) {

  public BuildingPage {
    buildingIds = List.copyOf(buildingIds);
  }
}
