package de.vorlauf.webadmin.security;

import de.vorlauf.persistence.apitokens.ApiToken;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.time.Instant;

/**
 * The rules of {@link TokenScope}: which scope a request needs of an API token, and whether a token
 * passes. Pure, so the filter's decisions are tested without a server.
 */
public final class TokenAccess {

  /** The scope every unmarked GET under /api/v1 needs. */
  public static final String READ = "read";

  /**
   * What a resource method needs of a token.
   *
   * @param scope the scope needed; null when only an admin session may call it
   */
  public record Need(String scope) {

    static final Need ADMIN_SESSION = new Need(null);

    public boolean adminSessionOnly() {
      return scope == null;
    }
  }

  /** How a presented token fared; {@link #tag()} names it in the metrics. */
  public enum Outcome {
    ACCEPTED,
    UNKNOWN,
    EXPIRED,
    REVOKED,
    SCOPE;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private TokenAccess() {}

  /**
   * {@link AdminSessionOnly} wins, then {@link TokenScope} (the method's over its class's); an
   * unmarked GET or HEAD needs {@value #READ}; anything else an admin session.
   */
  public static Need need(Class<?> resourceClass, Method method, String httpMethod) {
    if (present(AdminSessionOnly.class, resourceClass, method)) {
      return Need.ADMIN_SESSION;
    }
    TokenScope scope =
        method != null && method.isAnnotationPresent(TokenScope.class)
            ? method.getAnnotation(TokenScope.class)
            : resourceClass == null ? null : resourceClass.getAnnotation(TokenScope.class);
    if (scope != null) {
      return new Need(scope.value());
    }
    return HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod)
        ? new Need(READ)
        : Need.ADMIN_SESSION;
  }

  /**
   * Revoked before expired (revocation is the deliberate act), both before the scope.
   *
   * @param token the token the presented secret found; null when it found none
   */
  public static Outcome check(ApiToken token, Instant now, Need need) {
    if (token == null) {
      return Outcome.UNKNOWN;
    }
    if (token.revoked()) {
      return Outcome.REVOKED;
    }
    if (token.expiredAt(now)) {
      return Outcome.EXPIRED;
    }
    return need.adminSessionOnly() || !token.scopes().contains(need.scope())
        ? Outcome.SCOPE
        : Outcome.ACCEPTED;
  }

  private static boolean present(
      Class<? extends java.lang.annotation.Annotation> type,
      Class<?> resourceClass,
      Method method) {
    return (method != null && method.isAnnotationPresent(type))
        || (resourceClass != null && resourceClass.isAnnotationPresent(type));
  }
}
