package de.vorlauf.domain.schedule;

import java.util.Locale;

/**
 * What a schedule does when a run is due while the previous one still runs (Temporal's overlap
 * policies, named in words for the Schedules page).
 */
public enum Overlap {
  SKIP("skips a run while the previous one still runs"),
  BUFFER_ONE("runs once more after the previous one, the rest is skipped"),
  BUFFER_ALL("queues every run behind the previous one"),
  CANCEL_OTHER("cancels the previous run"),
  TERMINATE_OTHER("terminates the previous run"),
  ALLOW_ALL("starts every run, also beside a running one");

  private final String words;

  Overlap(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  /** "skip", "buffer_one", "buffer-one" (any case). */
  public static Overlap parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Overlap overlap : values()) {
      if (overlap.name().equals(name)) {
        return overlap;
      }
    }
    throw new IllegalArgumentException(
        "unknown overlap policy '"
            + text
            + "': use skip, buffer_one, buffer_all, cancel_other,"
            + " terminate_other or allow_all");
  }
}
