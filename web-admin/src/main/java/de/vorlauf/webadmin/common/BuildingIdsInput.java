package de.vorlauf.webadmin.common;

import de.vorlauf.persistence.readings.ReadingsRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * A request's {@code buildingIds} (an ETL backfill's, a training run's): blanks dropped, distinct,
 * at most a limit, each registered. Empty means every active building.
 */
public final class BuildingIdsInput {

  private BuildingIdsInput() {}

  /**
   * @param tooMany the message when more than {@code max} ids are named
   * @throws InvalidInputException on field {@code buildingIds}: too many, or the first 20 unknown
   */
  public static List<String> registered(
      DataSource dataSource, List<String> requested, int max, String tooMany) {
    if (requested == null || requested.isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String id : requested) {
      if (id != null && !id.isBlank()) {
        ids.add(id.strip());
      }
    }
    if (ids.size() > max) {
      throw new InvalidInputException("buildingIds", tooMany);
    }
    List<String> unknown = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String id : ids) {
        if (!ReadingsRepository.buildingExists(connection, id)) {
          unknown.add(id);
          if (unknown.size() == 20) {
            break;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the buildings: " + e.getMessage(), e);
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "buildingIds", "unknown buildings: " + String.join(", ", unknown));
    }
    return List.copyOf(ids);
  }
}
