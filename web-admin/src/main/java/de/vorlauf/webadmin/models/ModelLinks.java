package de.vorlauf.webadmin.models;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the registry pages and downloads. */
final class ModelLinks {

  private ModelLinks() {}

  static String page(String model) {
    return "/models/" + encode(model);
  }

  static String run(String experiment, long runId) {
    return "/experiments/" + encode(experiment) + "?run=" + runId;
  }

  static String file(String model, int version, String file) {
    return version(model, version) + "/files/" + file;
  }

  static String bundle(String model, int version) {
    return version(model, version) + "/bundle.zip";
  }

  static String version(String model, int version) {
    return "/api/v1/models/" + encode(model) + "/versions/" + version;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
