package de.vorlauf.webadmin.experiments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses in the admin UI that the experiment pages link to, as agreed for the shell's detail
 * views: a run at {@code /experiments/<experiment>?run=<id>}, a workflow (training or ETL) at
 * {@code /workflows/<workflowId>} with an optional {@code ?run=<runId>} (the workflow explorer).
 */
final class Links {

  private Links() {}

  static String run(String experiment, long runId) {
    return "/experiments/" + encode(experiment) + "?run=" + runId;
  }

  static String workflow(String workflowId, String runId) {
    String path = "/workflows/" + encode(workflowId);
    return runId == null ? path : path + "?run=" + encode(runId);
  }

  static String artifact(long runId, String name) {
    return "/api/v1/experiment-runs/" + runId + "/artifacts/" + name;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
