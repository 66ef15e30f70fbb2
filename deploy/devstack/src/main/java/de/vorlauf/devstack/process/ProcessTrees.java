package de.vorlauf.devstack.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process together with everything it started. Shell wrappers such as standalone.sh do not
 * forward SIGTERM to their java child, so the whole tree gets the signal.
 */
final class ProcessTrees {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessTrees.class);

  private ProcessTrees() {}

  /** SIGTERM to the tree, wait up to {@code grace}, then SIGKILL whatever is left. */
  static void terminate(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      if (!awaitExit(process, left)) {
        LOG.warn("Process {} did not stop within {}, killing it", process.pid(), grace);
        process.destroyForcibly();
        awaitExit(process, TimeUnit.SECONDS.toNanos(10));
      }
    }
  }

  private static boolean awaitExit(ProcessHandle process, long nanos) {
    CompletableFuture<ProcessHandle> exit = process.onExit();
    try {
      exit.get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
