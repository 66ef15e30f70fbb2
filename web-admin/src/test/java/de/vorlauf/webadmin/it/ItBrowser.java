package de.vorlauf.webadmin.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Chromium per test JVM, logged in to the shared WAR ({@link SharedWar}) once, for
 * every browser test of this module: a test takes the {@link UiSession} as a parameter and
 * navigates ({@link UiSession#open}); it never closes it. Launching Chromium and logging in for
 * each class cost seconds per class on a loaded machine. After each test the browser goes to {@code
 * about:blank}, so no page keeps polling the API while other classes run (a test's own
 * {@code @AfterEach}, which keeps the screenshot, runs before that).
 */
public class ItBrowser implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ItBrowser.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == UiSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Shared.class,
            key -> new Shared(UiSession.loggedIn(ItWar.base(), "c-ui", "")),
            Shared.class)
        .session();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
    if (shared != null) {
      shared.session().browser.get("about:blank");
    }
  }

  private record Shared(UiSession session)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }
}
