package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditRecord;
import de.vorlauf.webadmin.common.ProblemDto;
import de.vorlauf.webadmin.security.DeviceAuthenticated;
import de.vorlauf.webadmin.security.TokenPrincipal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every mutation an operator sends to the API (POST, PUT, PATCH, DELETE) in the audit log,
 * after it was answered, refused or failed: who, what (from the resource method, see {@link
 * AuditNaming}), on which object, the reason the operator gave, and the outcome. Device calls
 * (their own bearer token), machine clients' calls with an API token (counted per token instead),
 * unauthenticated calls and resources marked {@link NotAudited} (computations that change nothing
 * an operator steers, such as a real-time recommendation) are not operator actions and are not
 * recorded.
 *
 * <p>The reason travels in the header {@value #REASON_HEADER}, percent-encoded UTF-8 (headers are
 * Latin-1), so that every action, also a DELETE, carries it the same way. The admin UI asks for one
 * before destructive and operational actions; other clients may send one.
 */
@Provider
@Priority(Priorities.USER)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REASON_HEADER = "Vorlauf-Reason";

  /** {@code ui} from the admin UI; anything else counts as {@code api}. */
  public static final String CLIENT_HEADER = "Vorlauf-Client";

  private static final String REASON_PROPERTY = AuditFilter.class.getName() + ".reason";
  private static final Set<String> MUTATIONS =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  @Context ResourceInfo resource;
  @Inject AuditLog log;
  @Inject AuditDetail detail;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(REASON_HEADER);
    if (header == null || header.isBlank() || !MUTATIONS.contains(request.getMethod())) {
      return;
    }
    String reason;
    try {
      reason = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      request.abortWith(badReason("the reason must be percent-encoded UTF-8"));
      return;
    }
    if (reason.length() > AuditRecord.MAX_REASON) {
      request.abortWith(
          badReason("reason must be at most " + AuditRecord.MAX_REASON + " characters"));
      return;
    }
    request.setProperty(REASON_PROPERTY, reason.isEmpty() ? null : reason);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Principal user = request.getSecurityContext().getUserPrincipal();
    Method method = resource == null ? null : resource.getResourceMethod();
    if (!MUTATIONS.contains(request.getMethod())
        || user == null
        // machine clients' calls are counted per token (api_tokens.use_count), not audited
        || user instanceof TokenPrincipal
        || method == null
        || method.isAnnotationPresent(DeviceAuthenticated.class)
        || resource.getResourceClass().isAnnotationPresent(DeviceAuthenticated.class)
        || method.isAnnotationPresent(NotAudited.class)
        || resource.getResourceClass().isAnnotationPresent(NotAudited.class)) {
      return;
    }
    List<String> segments = new ArrayList<>();
    for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
      segments.add(segment.getPath());
    }
    MultivaluedMap<String, String> pathParams = request.getUriInfo().getPathParameters(true);
    List<String> pathValues = pathParams.values().stream().flatMap(List::stream).toList();
    // 202 with a Location: a workflow started (self-check, backfill) is the action's object
    String location =
        (response.getStatus() == 201 || response.getStatus() == 202)
                && response.getLocation() != null
            ? response.getLocation().getPath()
            : null;
    String objectId = AuditNaming.objectId(segments, pathValues, location);
    int status = response.getStatus();
    log.record(
        new AuditRecord(
            user.getName(),
            AuditNaming.action(resource.getResourceClass(), method.getName()),
            AuditNaming.objectType(segments),
            objectId,
            (String) request.getProperty(REASON_PROPERTY),
            AuditRecord.Outcome.ofHttpStatus(status),
            status,
            detail(pathParams, request.getUriInfo().getQueryParameters(true), objectId),
            "ui".equals(request.getHeaderString(CLIENT_HEADER)) ? "ui" : "api"));
  }

  /** Path parameters besides the object's id, query parameters, and what the resource added. */
  private String detail(
      MultivaluedMap<String, String> pathParams,
      MultivaluedMap<String, String> queryParams,
      String objectId) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> param : pathParams.entrySet()) {
      for (String value : param.getValue()) {
        if (!value.equals(objectId)) {
          parts.add(param.getKey() + "=" + value);
        }
      }
    }
    queryParams.forEach((name, values) -> values.forEach(v -> parts.add(name + "=" + v)));
    String added = detail.text();
    if (!added.isEmpty()) {
      parts.add(added);
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private static Response badReason(String message) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(ProblemDto.MEDIA_TYPE)
        .entity(
            ProblemDto.of(
                400,
                "Invalid request",
                message,
                null,
                List.of(new ProblemDto.FieldErrorDto("reason", message))))
        .build();
  }
}
