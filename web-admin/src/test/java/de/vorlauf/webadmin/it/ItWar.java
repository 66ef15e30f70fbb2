package de.vorlauf.webadmin.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin WAR as built, deployed ONCE per test JVM into the WildFly that Arquillian's managed
 * container started, and shared by every IT class of this module ({@link SharedWar}). A deployment
 * per class (Arquillian's {@code @Deployment}) re-read, uploaded, indexed and started the 37 MB WAR
 * for each of the eleven classes: 5 to 15 s each on a loaded machine, and a minute for the first.
 *
 * <p>The WAR is deployed in place from {@code target/} (unmanaged content: no upload, no copy). The
 * vendor integrations file it reads at deployment is written first ({@link ItVendorIntegrations}).
 * A class that still brings its own {@code @Deployment} gets the server to itself: {@link
 * ItDatabase}, registered before ArquillianExtension, undeploys the shared WAR first (see {@link
 * #makeWayFor}), and the next shared class deploys it again.
 */
public class ItWar implements BeforeAllCallback {

  /** The name the launcher and Arquillian deploy it under too. */
  static final String NAME = "vorlauf-admin.war";

  private static final Logger LOG = LoggerFactory.getLogger(ItWar.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ItWar.class);

  /** The WAR's address: its context root is {@code /} on the build-reserved HTTP port. */
  static URL base() {
    try {
      return new URL("http", InetAddress.getLoopbackAddress().getHostAddress(), httpPort(), "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context).deploy();
  }

  /**
   * Called before ArquillianExtension for every class: a class with a {@code @Deployment} of its
   * own (the old way) deploys the same context root, so the shared WAR must not be there then.
   */
  static void makeWayFor(ExtensionContext context) {
    if (ownsDeployment(context.getRequiredTestClass())) {
      Server server = context.getRoot().getStore(NAMESPACE).get(Server.class, Server.class);
      if (server != null) {
        server.undeploy();
      }
    }
  }

  private static boolean ownsDeployment(Class<?> testClass) {
    for (Method method : testClass.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Deployment.class)) {
        return true;
      }
    }
    return false;
  }

  private static Server server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Server.class, key -> new Server(), Server.class);
  }

  private static int httpPort() {
    return Integer.parseInt(required("it.http.port"));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is missing: run through mvn verify");
    }
    return value;
  }

  /**
   * The management connection to the running WildFly and whether the shared WAR is deployed. Not
   * undeployed at the end: Arquillian stops the server, whose base folder is thrown away.
   */
  private static final class Server implements AutoCloseable {

    private final ModelControllerClient client;
    private boolean deployed;

    Server() {
      try {
        // the local mechanism, as Arquillian's own connection: same user, same machine
        client =
            ModelControllerClient.Factory.create(
                "remote+http",
                InetAddress.getLoopbackAddress().getHostAddress(),
                Integer.parseInt(required("it.mgmt.port")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void deploy() {
      if (deployed) {
        return;
      }
      ItVendorIntegrations.write();
      Path war = Path.of(required("it.war")).toAbsolutePath();
      if (!Files.isRegularFile(war)) {
        throw new IllegalStateException(war + " is missing: run through mvn verify");
      }
      ModelNode add = Operations.createAddOperation(address());
      ModelNode content = new ModelNode();
      content.get("path").set(war.toString());
      content.get("archive").set(true);
      add.get("content").add(content);
      add.get("enabled").set(true);
      long begin = System.nanoTime();
      execute(add);
      deployed = true;
      LOG.info(
          "Deployed {} as {} in {} ms, shared by every IT class of this JVM",
          war,
          NAME,
          (System.nanoTime() - begin) / 1_000_000);
    }

    synchronized void undeploy() {
      if (!deployed) {
        return;
      }
      execute(Operations.createRemoveOperation(address()));
      deployed = false;
      LOG.info("Undeployed {}: the next class deploys its own WAR", NAME);
    }

    private void execute(ModelNode operation) {
      ModelNode result;
      try {
        result = client.execute(operation);
      } catch (IOException e) {
        throw new UncheckedIOException("WildFly management: " + operation, e);
      }
      if (!Operations.isSuccessfulOutcome(result)) {
        throw new IllegalStateException(
            "WildFly refused " + operation + ": " + Operations.getFailureDescription(result));
      }
    }

    private static ModelNode address() {
      return Operations.createAddress("deployment", NAME);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }
}
