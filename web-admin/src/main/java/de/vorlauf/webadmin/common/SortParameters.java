package de.vorlauf.webadmin.common;

import de.vorlauf.persistence.registry.RegistrySort;
import java.util.Set;
import java.util.TreeSet;

/** The {@code sort} and {@code dir} query parameters of list calls, with field-bound errors. */
public final class SortParameters {

  private SortParameters() {}

  /**
   * @param code the {@code sort} parameter; null or blank for {@code id}
   * @param dir {@code asc} (default) or {@code desc}
   * @param columns the codes the list allows
   */
  public static RegistrySort registry(String code, String dir, Set<String> columns) {
    String column = code == null || code.isBlank() ? "id" : code.strip();
    if (!columns.contains(column)) {
      throw new InvalidInputException(
          "sort",
          "sort must be one of "
              + String.join(", ", new TreeSet<>(columns))
              + ", not '"
              + code
              + "'");
    }
    return new RegistrySort(column, descending(dir));
  }

  /** True for {@code desc}, false for {@code asc} or nothing; anything else is refused. */
  public static boolean descending(String dir) {
    if (dir == null || dir.isBlank() || dir.strip().equals("asc")) {
      return false;
    }
    if (dir.strip().equals("desc")) {
      return true;
    }
    throw new InvalidInputException("dir", "dir must be asc or desc, not '" + dir + "'");
  }
}
