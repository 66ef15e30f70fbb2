package de.vorlauf.webadmin.registry;

import java.util.Map;

/**
 * The order of a registry list: one of the columns the list allows, ascending or descending, ties
 * broken by id. The JPQL text comes from the list's own table of columns, never from input.
 */
public record RegistrySort(String expression, boolean descending) {

  /**
   * @param code the {@code sort} parameter; null or blank for {@code defaultCode}
   * @param dir {@code asc} (default) or {@code desc}
   * @param columns the codes a list allows and their JPQL expressions
   */
  public static RegistrySort of(
      String code, String dir, Map<String, String> columns, String defaultCode) {
    String key = code == null || code.isBlank() ? defaultCode : code.strip();
    String expression = columns.get(key);
    if (expression == null) {
      throw new InvalidInputException(
          "sort",
          "sort must be one of " + String.join(", ", columns.keySet()) + ", not '" + code + "'");
    }
    if (dir != null
        && !dir.isBlank()
        && !dir.strip().equals("asc")
        && !dir.strip().equals("desc")) {
      throw new InvalidInputException("dir", "dir must be asc or desc, not '" + dir + "'");
    }
    return new RegistrySort(expression, dir != null && dir.strip().equals("desc"));
  }

  /** " order by <expression> <direction>, <id>" */
  String orderBy(String idPath) {
    return " order by " + expression + (descending ? " desc" : " asc") + ", " + idPath;
  }
}
