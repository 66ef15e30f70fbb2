package de.vorlauf.domain.models;

import java.util.Locale;

/**
 * On whose authority an alias moves. Today there is one: an operator's manual move, allowed because
 * no gated promotion exists yet. It is recorded with every move so that the log says so, and so
 * that the promotion issue can add {@code GATE} (a promotion workflow's passed gate) and {@code
 * BREAK_GLASS} (a manual move past the gate, with its own reason) and make {@link ModelRules}
 * refuse {@link #MANUAL_BEFORE_PROMOTION} from then on: callers already pass this value, nobody
 * moves an alias without naming an authority.
 */
public enum Authority {
  /** an operator's move through the API, before gated promotion exists */
  MANUAL_BEFORE_PROMOTION,
  /** the registry itself: a new version taking the free challenger slot on registration */
  REGISTRATION;

  /** {@code manual-before-promotion}: the form in the log and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Authority ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
