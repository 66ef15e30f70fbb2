package de.vorlauf.webadmin.security;

import de.vorlauf.webadmin.common.ProblemDto;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * /api/* is left out of the FORM-login constraint in web.xml, because a script calling the API
 * needs a 401 it can act on, not the login page. The session's login still applies here: the FORM
 * mechanism restores the identity on every request, constrained or not. Resources marked {@link
 * DeviceAuthenticated} (device ingestion) are left to their own bearer-token check.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  public static final String ROLE = "vorlauf-admin";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (forDevices()) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(
          problem(
              Response.Status.UNAUTHORIZED,
              "Not logged in",
              "Log in at /login.html (FORM login, j_security_check) and send the session cookie."));
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
