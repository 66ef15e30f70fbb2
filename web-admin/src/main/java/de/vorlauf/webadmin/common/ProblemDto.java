package de.vorlauf.webadmin.common;

/** RFC 9457 problem details, sent as application/problem+json. */
public record ProblemDto(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static ProblemDto of(int status, String title, String detail, String instance) {
    return new ProblemDto("about:blank", title, status, detail, instance);
  }
}
