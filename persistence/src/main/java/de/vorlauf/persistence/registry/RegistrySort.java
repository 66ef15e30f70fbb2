package de.vorlauf.persistence.registry;

import java.util.Map;

/**
 * The order of a registry list: one of the columns the list allows (its repository's {@code
 * SORTS}), ascending or descending, ties broken by id.
 *
 * @param column the column's code, e.g. {@code name}
 */
public record RegistrySort(String column, boolean descending) {

  public static final RegistrySort BY_ID = new RegistrySort("id", false);

  /**
   * {@code order by <expression> <direction>, <id>}; the JPQL text comes from the list's own table
   * of columns, never from input.
   */
  String orderBy(Map<String, String> columns, String idPath) {
    String expression = columns.get(column);
    if (expression == null) {
      throw new IllegalArgumentException(
          "sort column '" + column + "' is not one of " + columns.keySet());
    }
    return "order by " + expression + (descending ? " desc" : " asc") + ", " + idPath;
  }
}
