package de.vorlauf.webadmin.security;

import de.vorlauf.webadmin.apitokens.ApiTokenAuthenticator;
import de.vorlauf.webadmin.common.ProblemDto;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /api/* is left out of the FORM-login constraint in web.xml, because a script calling the API
 * needs a 401 it can act on, not the login page. The session's login still applies here: the FORM
 * mechanism restores the identity on every request, constrained or not. Resources marked {@link
 * DeviceAuthenticated} (device ingestion) are left to their own bearer-token check.
 *
 * <p>A request with {@code Authorization: Bearer …} is a machine client's (issue 24): the API token
 * is checked against the resource's need ({@link TokenAccess}: {@link TokenScope}, {@code read} for
 * unmarked GETs, an admin session for the rest and for {@link AdminSessionOnly}), and once accepted
 * the token is the request's principal ({@link TokenPrincipal}, {@code token:<name>}). Unknown,
 * expired and revoked tokens get 401 saying which (the caller holds the secret, so naming its state
 * tells a guesser nothing: an unknown secret is just "unknown"); a missing scope 403 naming it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  public static final String ROLE = "vorlauf-admin";

  private static final Logger LOG = LoggerFactory.getLogger(ApiAuthenticationFilter.class);
  private static final Pattern BEARER = Pattern.compile("(?i)Bearer\\s+(\\S+)\\s*");

  @Context ResourceInfo resource;
  @Inject ApiTokenAuthenticator tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    if (forDevices()) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
      byToken(request, authorization);
      return;
    }
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(
          problem(
              Response.Status.UNAUTHORIZED,
              "Not logged in",
              "Log in at /login.html (FORM login, j_security_check) and send the session cookie,"
                  + " or send an API token as Authorization: Bearer vlt_…"));
    } else if (!security.isUserInRole(ROLE)) {
      request.abortWith(
          problem(
              Response.Status.FORBIDDEN,
              "Missing role " + ROLE,
              "User '"
                  + security.getUserPrincipal().getName()
                  + "' lacks the role "
                  + ROLE
                  + "; add it in the roles file (VORLAUF_ADMIN_ROLES_FILE)."));
    }
  }

  private void byToken(ContainerRequestContext request, String authorization) {
    Matcher bearer = BEARER.matcher(authorization);
    TokenAccess.Need need =
        TokenAccess.need(
            resource == null ? null : resource.getResourceClass(),
            resource == null ? null : resource.getResourceMethod(),
            request.getMethod());
    ApiTokenAuthenticator.Result result;
    try {
      result = tokens.authenticate(bearer.matches() ? bearer.group(1) : null, need);
    } catch (SQLException e) {
      LOG.warn("API token lookup failed: {} (SQLSTATE {})", e.getMessage(), e.getSQLState());
      request.abortWith(
          Response.fromResponse(
                  problem(
                      Response.Status.SERVICE_UNAVAILABLE,
                      "Database unavailable",
                      "The API token cannot be checked right now; try again shortly."))
              .header(HttpHeaders.RETRY_AFTER, 10)
              .build());
      return;
    }
    switch (result.outcome()) {
      case ACCEPTED ->
          request.setSecurityContext(
              new TokenSecurityContext(
                  new TokenPrincipal(result.token().id(), result.token().name()),
                  request.getSecurityContext().isSecure()));
      case UNKNOWN ->
          request.abortWith(
              unauthorized(
                  "Unknown API token",
                  "No API token has this secret. Tokens look like vlt_ and 43 more characters;"
                      + " an admin creates one on the API tokens page."));
      case REVOKED ->
          request.abortWith(
              unauthorized(
                  "API token revoked",
                  "API token '"
                      + result.token().name()
                      + "' was revoked at "
                      + result.token().revokedAt()
                      + "; ask an admin for a new one."));
      case EXPIRED ->
          request.abortWith(
              unauthorized(
                  "API token expired",
                  "API token '"
                      + result.token().name()
                      + "' expired at "
                      + result.token().expiresAt()
                      + "; ask an admin for a new one."));
      case SCOPE -> request.abortWith(refused(result.token().name(), need));
    }
  }

  private static Response unauthorized(String title, String detail) {
    return Response.fromResponse(problem(Response.Status.UNAUTHORIZED, title, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vorlauf\", error=\"invalid_token\"")
        .build();
  }

  private static Response refused(String tokenName, TokenAccess.Need need) {
    if (need.adminSessionOnly()) {
      return problem(
          Response.Status.FORBIDDEN,
          "Admin session required",
          "API tokens cannot make this call (token '"
              + tokenName
              + "'): it changes the platform or administers tokens, which needs an ops login.");
    }
    return Response.fromResponse(
            problem(
                Response.Status.FORBIDDEN,
                "Scope " + need.scope() + " required",
                "API token '"
                    + tokenName
                    + "' lacks the scope '"
                    + need.scope()
                    + "' this call needs; create a token with it."))
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"vorlauf\", error=\"insufficient_scope\", scope=\""
                + need.scope()
                + "\"")
        .build();
  }

  private boolean forDevices() {
    return resource != null
        && resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(DeviceAuthenticated.class)
            || resource.getResourceClass().isAnnotationPresent(DeviceAuthenticated.class));
  }

  private static Response problem(Response.Status status, String title, String detail) {
    return Response.status(status)
        .type(ProblemDto.MEDIA_TYPE)
        .entity(ProblemDto.of(status.getStatusCode(), title, detail, null))
        .build();
  }
}
