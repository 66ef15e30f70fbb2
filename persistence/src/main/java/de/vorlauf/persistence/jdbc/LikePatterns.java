package de.vorlauf.persistence.jdbc;

import java.util.Locale;

/** Search text as a bound LIKE pattern, so that a user's "%" or "_" is taken literally. */
public final class LikePatterns {

  private LikePatterns() {}

  /**
   * {@code %text%} in lower case with LIKE's own characters escaped (PostgreSQL's default escape is
   * the backslash); null for null or blank text, so "{@code ? IS NULL OR ... LIKE ?}" matches
   * everything.
   */
  public static String containing(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
