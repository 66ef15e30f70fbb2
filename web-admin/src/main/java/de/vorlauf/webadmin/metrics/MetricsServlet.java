package de.vorlauf.webadmin.metrics;

import de.vorlauf.webadmin.config.MetricsConfig;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * {@code GET /metrics}: Prometheus text, without login (web.xml leaves it open, as a scraper has
 * none), so by default only loopback clients get an answer; {@code VORLAUF_ADMIN_METRICS_REMOTE}
 * opens it to others.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject WarMetrics metrics;
  @Inject MetricsConfig config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!config.remote() && !loopback(request.getRemoteAddr())) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "metrics answer loopback clients only (VORLAUF_ADMIN_METRICS_REMOTE)");
      return;
    }
    response.setContentType(PROMETHEUS_TEXT);
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(metrics.scrape());
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
