package de.vorlauf.ingest.pipeline;

import java.util.concurrent.ThreadFactory;

/** Threads from a given factory, named when the factory allows it. */
final class IngestThreads {

  private IngestThreads() {}

  static Thread named(ThreadFactory factory, Runnable task, String name) {
    Thread thread = factory.newThread(task);
    try {
      thread.setName(name);
    } catch (SecurityException e) {
      // a container's factory may keep its own names
    }
    return thread;
  }
}
