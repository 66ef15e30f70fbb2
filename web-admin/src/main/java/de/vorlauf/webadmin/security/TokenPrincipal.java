package de.vorlauf.webadmin.security;

import java.security.Principal;

/**
 * The caller of a request authenticated by an API token: named {@code token:<name>} in audit
 * entries and stored predictions, with the token's id for what needs the row.
 */
public record TokenPrincipal(long tokenId, String tokenName) implements Principal {

  public static final String PREFIX = "token:";

  @Override
  public String getName() {
    return PREFIX + tokenName;
  }
}
