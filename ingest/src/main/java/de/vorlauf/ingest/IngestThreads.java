package de.vorlauf.ingest;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the threads of this module come from: always from its creator, never from a pool of our own
 * choosing. A process passes {@link #platform()}; WildFly passes its {@code ManagedThreadFactory},
 * so that the container knows, names and stops every thread of the deployment. Every thread gets a
 * {@code vorlauf-…} name, so a thread dump tells what it does.
 */
public final class IngestThreads {

  private IngestThreads() {}

  /** Plain platform threads, for processes outside a container (the worker, tests). */
  public static ThreadFactory platform() {
    return Thread::new;
  }

  /** A thread of {@code factory} named {@code name} (when the factory allows renaming). */
  public static Thread named(ThreadFactory factory, Runnable task, String name) {
    Thread thread = factory.newThread(task);
    try {
      thread.setName(name);
    } catch (SecurityException e) {
      // a container's factory may keep its own names
    }
    return thread;
  }

  /** A factory whose threads carry {@code name} (numbered from the second one on). */
  public static ThreadFactory naming(ThreadFactory factory, String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      int n = count.incrementAndGet();
      return named(factory, task, n == 1 ? name : name + "-" + n);
    };
  }
}
