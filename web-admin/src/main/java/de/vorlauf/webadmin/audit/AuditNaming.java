package de.vorlauf.webadmin.audit;

import java.util.List;
import java.util.Locale;

/**
 * Names of audit entries derived from the resource that served the request, so that a new endpoint
 * is audited without anyone remembering to: {@code BuildingResource.deactivate} becomes the action
 * {@code building.deactivate}, {@code /api/v1/devices/gb-1/credentials/7} the object {@code device
 * gb-1}.
 */
final class AuditNaming {

  private AuditNaming() {}

  /**
   * {@code GatewayCredentialResource} and {@code revokeAll} give {@code
   * gatewayCredential.revokeAll}.
   */
  static String action(Class<?> resourceClass, String methodName) {
    String name = resourceClass.getSimpleName();
    // CDI proxies of the resource carry a suffix after '$'
    int proxy = name.indexOf('$');
    if (proxy > 0) {
      name = name.substring(0, proxy);
    }
    if (name.endsWith("Resource") && name.length() > "Resource".length()) {
      name = name.substring(0, name.length() - "Resource".length());
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "." + methodName;
  }

  /**
   * The kind of object: the first segment of the API path in the singular ({@code buildings} →
   * {@code building}, {@code self-checks} → {@code self-check}, {@code quarantine} stays).
   *
   * @param segments the request path's segments below the API root, decoded
   */
  static String objectType(List<String> segments) {
    if (segments.isEmpty() || segments.get(0).isEmpty()) {
      return null;
    }
    String first = segments.get(0).toLowerCase(Locale.ROOT);
    return first.endsWith("s") && !first.endsWith("ss")
        ? first.substring(0, first.length() - 1)
        : first;
  }

  /**
   * The object's id: the first path segment that is a path parameter's value (so {@code
   * /quarantine/reingest} has none); for a create, the last segment of the new resource's location.
   */
  static String objectId(List<String> segments, List<String> pathValues, String createdLocation) {
    for (int i = 1; i < segments.size(); i++) {
      if (pathValues.contains(segments.get(i))) {
        return segments.get(i);
      }
    }
    if (createdLocation != null && !createdLocation.isBlank()) {
      String trimmed = createdLocation.replaceAll("/+$", "");
      return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
    return null;
  }
}
