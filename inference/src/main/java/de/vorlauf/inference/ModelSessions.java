package de.vorlauf.inference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One warmed {@link ModelSession} per model version, loaded from a {@link ModelSource} on first use
 * and kept for the next calls, at most {@code capacity} of them: the least recently used is evicted
 * (its session closes once the calls still running on it are done). Thread-safe; one load per key
 * at a time, so a burst of first calls loads a model once. A load that fails is not remembered: the
 * next call tries again (the registry may have repaired the file).
 */
public final class ModelSessions implements AutoCloseable {

  private final ModelSource source;
  private final int capacity;
  private final LinkedHashMap<ModelKey, ModelSession> sessions =
      new LinkedHashMap<>(16, 0.75f, true);
  // one lock object per key ever asked for, kept: model versions are few, and dropping a lock
  // another thread may be waiting on would let two loads of one key run at once
  private final Map<ModelKey, Object> loading = new ConcurrentHashMap<>();
  private final AtomicLong loads = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();
  private boolean closed;

  /**
   * @param capacity sessions kept at most; a 14-32-32-1 network's session is a few hundred KB
   */
  public ModelSessions(ModelSource source, int capacity) {
    this.source = Objects.requireNonNull(source, "source");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  /** A model's session for the duration of a try-with-resources block. */
  public Lease lease(ModelKey key) {
    while (true) {
      ModelSession session = cached(key);
      if (session == null) {
        session = load(key);
      }
      if (session.acquire()) {
        return new Lease(session);
      }
      // evicted and closed between the look-up and the acquire: look it up again
    }
  }

  /** {@link ModelSession#predict(float[])} on {@code key}'s session. */
  public float predict(ModelKey key, float[] row) {
    try (Lease lease = lease(key)) {
      return lease.session().predict(row);
    }
  }

  /** {@link ModelSession#predict(float[], int)} on {@code key}'s session. */
  public float[] predict(ModelKey key, float[] flat, int rows) {
    try (Lease lease = lease(key)) {
      return lease.session().predict(flat, rows);
    }
  }

  /** The versions with a session now, least recently used first. */
  public Set<ModelKey> resident() {
    synchronized (sessions) {
      return Set.copyOf(sessions.keySet());
    }
  }

  /** Sessions opened since this cache was made. */
  public long loads() {
    return loads.get();
  }

  /** Sessions evicted for the capacity since this cache was made. */
  public long evictions() {
    return evictions.get();
  }

  private ModelSession cached(ModelKey key) {
    synchronized (sessions) {
      if (closed) {
        throw new IllegalStateException("the model sessions are closed");
      }
      return sessions.get(key);
    }
  }

  private ModelSession load(ModelKey key) {
    Object lock = loading.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      ModelSession existing = cached(key);
      if (existing != null) {
        return existing;
      }
      ModelFiles files = source.load(key);
      Integer version = files.manifest().version();
      if (!files.manifest().model().equals(key.model())
          || (version != null && version != key.version())) {
        throw new ModelException(
            ModelException.Reason.MISMATCH,
            "asked for %s, the source returned the manifest of %s"
                .formatted(key, ModelSession.describe(files.manifest())));
      }
      ModelSession opened = ModelSession.open(files);
      loads.incrementAndGet();
      List<ModelSession> evicted = new ArrayList<>();
      synchronized (sessions) {
        sessions.put(key, opened);
        Iterator<ModelSession> eldest = sessions.values().iterator();
        while (sessions.size() > capacity) {
          evicted.add(eldest.next());
          eldest.remove();
        }
      }
      evictions.addAndGet(evicted.size());
      evicted.forEach(ModelSession::close);
      return opened;
    }
  }

  /** Closes every session (each once its running calls are done); the cache refuses new calls. */
  @Override
  public void close() {
    List<ModelSession> all;
    synchronized (sessions) {
      closed = true;
      all = new ArrayList<>(sessions.values());
      sessions.clear();
    }
    all.forEach(ModelSession::close);
  }

  /** A session held for one or more calls; closing it lets an evicted session close. */
  public static final class Lease implements AutoCloseable {
    private final ModelSession session;
    private boolean released;

    private Lease(ModelSession session) {
      this.session = session;
    }

    public ModelSession session() {
      return session;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        session.release();
      }
    }
  }
}
