package de.vorlauf.workflows.portfolio;

import java.util.List;

/** Building ids, ascending. */
public record PortfolioBuildings(List<String> buildingIds) {

  public PortfolioBuildings {
    buildingIds = List.copyOf(buildingIds);
  }
}
