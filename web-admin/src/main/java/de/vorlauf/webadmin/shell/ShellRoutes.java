package de.vorlauf.webadmin.shell;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin UI is one page ({@code index.html}) that renders the page a path names ({@code /fleet},
 * {@code /buildings?view=...}): every path of one lower-case segment is answered with it, so links
 * and bookmarks (with their filters in the query) work, and login returns to them; so is a page's
 * detail view, one more segment ({@code /buildings/b-001}, {@code /workflows/<id>}). The shell's
 * own list of pages (js/pages.js) decides what a path shows; nothing here lists pages. Paths of the
 * earlier UI ({@code /fleet.html}) are redirected to their new form with their query.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ShellRoutes extends HttpFilter {

  private static final Pattern PAGE = Pattern.compile("/([a-z][a-z0-9-]{0,39})(?:/[^/]{1,400})?");
  private static final Pattern OLD_PAGE = Pattern.compile("/([a-z][a-z0-9-]{0,39})\\.html");
  // metrics: the Prometheus endpoint (MetricsServlet), not a page
  private static final Set<String> NOT_PAGES = Set.of("api", "assets", "js", "vendor", "metrics");
  private static final Set<String> STILL_FILES = Set.of("index", "login", "login-error");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Matcher page = PAGE.matcher(path);
      if (page.matches() && !NOT_PAGES.contains(page.group(1))) {
        request.getRequestDispatcher("/index.html").forward(request, response);
        return;
      }
      Matcher old = OLD_PAGE.matcher(path);
      if (old.matches() && !STILL_FILES.contains(old.group(1))) {
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader(
            "Location",
            request.getContextPath() + "/" + old.group(1) + (query == null ? "" : "?" + query));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
