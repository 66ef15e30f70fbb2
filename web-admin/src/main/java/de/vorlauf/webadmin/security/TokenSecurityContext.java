package de.vorlauf.webadmin.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of a request an API token authenticated: the token is the principal, and it
 * holds no role (what it may call is its scopes, checked by {@link ApiAuthenticationFilter}).
 */
record TokenSecurityContext(TokenPrincipal principal, boolean secure) implements SecurityContext {

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
