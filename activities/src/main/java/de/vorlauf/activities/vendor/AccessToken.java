package de.vorlauf.activities.vendor;

import java.time.Instant;

/** A bearer token and when it should be replaced (before the cloud's expiry). Never logged. */
record AccessToken(String value, Instant refreshAt) {

  boolean freshAt(Instant now) {
    return now.isBefore(refreshAt);
  }

  @Override
  public String toString() {
    return "AccessToken[refreshAt=" + refreshAt + "]";
  }
}
