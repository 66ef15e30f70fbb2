package de.vorlauf.devstack.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook that closes, newest first, everything we started and have not closed yet,
 * so that Ctrl-C, SIGTERM or a test JVM ending never leaves a database or broker behind.
 */
public final class ShutdownRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownRegistry.class);
  private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();
  private static boolean hookInstalled;

  private ShutdownRegistry() {}

  public static synchronized void register(AutoCloseable resource) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ShutdownRegistry::closeAll, "vorlauf-devstack-shutdown"));
      hookInstalled = true;
    }
    OPEN.push(resource);
  }

  public static synchronized void unregister(AutoCloseable resource) {
    OPEN.remove(resource);
  }

  private static void closeAll() {
    List<AutoCloseable> toClose;
    synchronized (ShutdownRegistry.class) {
      toClose = new ArrayList<>(OPEN);
      OPEN.clear();
    }
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not close {} on JVM shutdown", resource, e);
      }
    }
  }
}
