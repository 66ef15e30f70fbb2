package de.vorlauf.domain.training;

import de.vorlauf.domain.heating.HeatingType;
import java.util.Objects;

/**
 * What the registry knows of a building that the heat-demand model uses.
 *
 * @param areaM2 heated area; null when the registry does not know it (such a building cannot be
 *     trained on or served: the model predicts demand per m²)
 * @param yearBuilt year of construction, null when unknown; recorded, not a model input (see {@link
 *     DemandFeature})
 */
public record BuildingAttributes(
    String buildingId, HeatingType heatingType, Double areaM2, Integer yearBuilt) {

  public BuildingAttributes {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(heatingType, "heatingType");
  }
}
