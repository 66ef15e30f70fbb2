package de.vorlauf.simulator.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A complete answer, built by the endpoints and written by the server in one place. */
record CloudResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CloudResponse json(int status, Object body) {
    return json(status, body, Map.of());
  }

  static CloudResponse json(int status, Object body, Map<String, String> headers) {
    return new CloudResponse(status, "application/json", headers, write(body));
  }

  /** The vendor's error shape: one machine-readable code. */
  static CloudResponse error(int status, String error) {
    return json(status, Map.of("error", error));
  }

  /** RFC 9457 problem for mistakes a client can fix, with a message saying what to fix. */
  static CloudResponse problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("error", title.toUpperCase(Locale.ROOT).replace(' ', '_'));
    return new CloudResponse(status, "application/problem+json", Map.of(), write(body));
  }

  static CloudResponse notFound(String detail) {
    return problem(404, "Not Found", detail);
  }

  static CloudResponse badRequest(String detail) {
    return problem(400, "Bad Request", detail);
  }

  static CloudResponse methodNotAllowed(String allowed) {
    return new CloudResponse(
        405,
        "application/problem+json",
        Map.of("Allow", allowed),
        write(
            Map.of(
                "title",
                "Method Not Allowed",
                "status",
                405,
                "detail",
                "use " + allowed + " here")));
  }

  private static byte[] write(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
