package de.vorlauf.ingest.brokeraccess;

import java.util.Objects;

/** A service account with the password hash it logs in with. */
public record ServiceAccountLogin(ServiceAccount account, String passwordHash) {

  public ServiceAccountLogin {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  @Override
  public String toString() {
    return "ServiceAccountLogin[" + account.username() + "]";
  }
}
