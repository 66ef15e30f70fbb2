package de.vorlauf.webadmin.common;

import java.util.List;

/**
 * RFC 9457 problem details, sent as application/problem+json.
 *
 * @param errors the broken rules one by one, each with the input field it concerns where there is
 *     one (an extension member, RFC 9457 section 3.2); null when the problem is not about input
 */
public record ProblemDto(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldErrorDto> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * @param field the input field as the API names it (a JSON property or query parameter); null for
   *     the input as a whole
   */
  public record FieldErrorDto(String field, String message) {}

  public static ProblemDto of(int status, String title, String detail, String instance) {
    return new ProblemDto("about:blank", title, status, detail, instance, null);
  }

  public static ProblemDto of(
      int status, String title, String detail, String instance, List<FieldErrorDto> errors) {
    return new ProblemDto("about:blank", title, status, detail, instance, errors);
  }
}
